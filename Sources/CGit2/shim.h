#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per use. */

/* Keep parsed trees up to `limit` bytes in libgit2's object cache (the
   default is 4 KiB, so a week folder of 2,000 updates is parsed again for
   every commit of a walk). */
static inline int cascade_cache_trees_up_to(size_t limit) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, limit);
}
