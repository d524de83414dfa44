function __cascade_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __cascade_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __cascade_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __cascade_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __cascade_parse_tokens -S
    set -l unparsed_tokens (__cascade_tokens -pc)
    switch $unparsed_tokens[1]
    case 'cascade'
        __cascade_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'check'
            __cascade_parse_subcommand -r 1 'format=' 'strict' 'staged' 'changed-since=' 'authors=' 'today=' 'explain=' 'root=' 'color=' 'version' 'h/help'
        case 'new'
            __cascade_parse_subcommand 0 'author=' 'week=' 'today=' 'no-edit' 'root=' 'color=' 'version' 'h/help'
        case 'submit'
            __cascade_parse_subcommand -r 1 'author=' 'week=' 'today=' 'root=' 'color=' 'version' 'h/help'
        case 'status'
            __cascade_parse_subcommand 0 'week=' 'for=' 'today=' 'format=' 'root=' 'color=' 'version' 'h/help'
        case 'digest'
            __cascade_parse_subcommand 0 'for=' 'week=' 'format=' 'out=' 'all' 'commit' 'today=' 'root=' 'color=' 'version' 'h/help'
        case 'report'
            __cascade_parse_subcommand 1 'for=' 'since=' 'until=' 'by=' 'format=' 'today=' 'root=' 'color=' 'version' 'h/help'
        case 'init'
            __cascade_parse_subcommand 1 'company=' 'color=' 'version' 'h/help'
        case 'hooks'
            __cascade_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'install'
                __cascade_parse_subcommand 0 'force' 'root=' 'color=' 'version' 'h/help'
            end
        case 'schema'
            __cascade_parse_subcommand 0 'root=' 'color=' 'version' 'h/help'
        case 'rules'
            __cascade_parse_subcommand 0 'markdown' 'color=' 'version' 'h/help'
        case 'demo'
            __cascade_parse_subcommand 0 'reps=' 'weeks=' 'out=' 'seed=' 'history=' 'today=' 'color=' 'version' 'h/help'
        case 'review'
            __cascade_parse_subcommand 0 'for=' 'week=' 'since=' 'until=' 'format=' 'root=' 'color=' 'version' 'h/help'
        case 'help'
            __cascade_parse_subcommand -r 1 'version'
        end
    end
end

function __cascade_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __cascade_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __cascade_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __cascade_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__cascade_tokens -p)
    if test -z "$(__cascade_tokens -t)"
        set -l index (count (__cascade_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'cascade' -f
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'check' -d 'Validate updates and org.yaml.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'new' -d 'Start this week\'s update, carrying your open deals forward.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'submit' -d 'Validate updates and commit exactly those files.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'status' -d 'Who has submitted this week\'s update, who has not, who was late.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'digest' -d 'The five-minute digest of a leader\'s organisation or of a function.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'report' -d 'Learn from losses and from the pipeline\'s history.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'init' -d 'Create a new 15-5 repository a team can start from.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'hooks' -d 'Install git hooks that check updates before each commit.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'schema' -d 'Print the JSON Schema of an update\'s front matter.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'rules' -d 'List the validation rules, or write their documentation.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'demo' -d 'Generate a realistic synthetic 15-5 repository.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'review' -d 'The agenda of the closed-lost review of a leader\'s team.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" format' -l 'format' -d 'Output format: text, json or github.' -rfka 'text json github'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" strict' -l 'strict' -d 'Treat warnings as errors for the exit status.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" staged' -l 'staged' -d 'Check the files as git\'s index holds them (what the next commit will contain): the given paths, or the staged updates and org.yaml.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" changed-since' -l 'changed-since' -d 'Check only updates added or modified since this git revision, plus org.yaml if it changed.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" authors' -l 'authors' -d 'Instead of the files, verify that every commit since this revision was written by someone allowed to: an update by its author or a delegate, org.yaml by an admin.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" today' -l 'today' -d 'Fix today\'s date, YYYY-MM-DD, as every command does (no rule of check depends on it today).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" explain' -l 'explain' -d 'Show what a rule checks, with examples, and exit.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade new" author' -l 'author' -d 'The person (default: the one whose email is git\'s user.email).' -rfka '(__cascade_custom_completion ---completion new -- --author (count (__cascade_tokens -pc)) (__cascade_tokens -tC))'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade new" week' -l 'week' -d 'The ISO week, YYYY-Www (default: this week).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade new" today' -l 'today' -d 'Fix today\'s date, YYYY-MM-DD, for reproducible runs.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade new" no-edit' -l 'no-edit' -d 'Do not open an editor.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade new" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade new" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade new" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade new" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade submit" author' -l 'author' -d 'The person (default: the one whose email is git\'s user.email).' -rfka '(__cascade_custom_completion ---completion submit -- --author (count (__cascade_tokens -pc)) (__cascade_tokens -tC))'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade submit" week' -l 'week' -d 'The ISO week, YYYY-Www (default: this week).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade submit" today' -l 'today' -d 'Fix today\'s date, YYYY-MM-DD, for reproducible runs.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade submit" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade submit" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade submit" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade submit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade status" week' -l 'week' -d 'The ISO week, YYYY-Www (default: this week).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade status" for' -l 'for' -d 'The leader whose team to list (default: you, from git\'s user.email).' -rfka '(__cascade_custom_completion ---completion status -- --for (count (__cascade_tokens -pc)) (__cascade_tokens -tC))'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade status" today' -l 'today' -d 'Fix today\'s date, YYYY-MM-DD.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade status" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade status" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade status" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade status" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" for' -l 'for' -d 'A person (their subtree) or a function (the asks to it).' -rfka '(__cascade_custom_completion ---completion digest -- --for (count (__cascade_tokens -pc)) (__cascade_tokens -tC))'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" week' -l 'week' -d 'The ISO week, YYYY-Www (default: this week).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" format' -l 'format' -d 'md, html or json.' -rfka 'md html json'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" out' -l 'out' -d 'Write to this file (\'-\' for standard output; with --all, into this folder).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" all' -l 'all' -d 'Every leader\'s and every function\'s digest, into digests/<week>/.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" commit' -l 'commit' -d 'With --all: commit the digests through libgit2.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" today' -l 'today' -d 'Fix today\'s date, YYYY-MM-DD.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade digest" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade report" -eq 1' -fka 'losses wins gaps objections asks flags pipeline'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" for' -l 'for' -d 'A person (their subtree) or a function (asks to it); default everyone.' -rfka '(__cascade_custom_completion ---completion report -- --for (count (__cascade_tokens -pc)) (__cascade_tokens -tC))'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" since' -l 'since' -d 'First week, YYYY-Www.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" until' -l 'until' -d 'Last week, YYYY-Www.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" by' -l 'by' -d 'For losses and wins: reason, competitor, vertical, persona, region, segment, author, source or help (whom the deal asked, with the win rate of each against asking nobody).' -rfka 'reason competitor vertical persona region segment author source help'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" format' -l 'format' -d 'table, csv or json.' -rfka 'table csv json'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" today' -l 'today' -d 'Fix today\'s date, YYYY-MM-DD.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade init" company' -l 'company' -d 'The company\'s name, for org.yaml.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade init" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade init" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade hooks" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade hooks" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_positional "cascade hooks" -eq 1' -fa 'install' -d 'Install the pre-commit hook that checks the staged updates.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade hooks install" force' -l 'force' -d 'Replace an existing pre-commit hook.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade hooks install" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade hooks install" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade hooks install" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade hooks install" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade schema" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade schema" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade schema" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade schema" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade rules" markdown' -l 'markdown' -d 'Write the full rule documentation as Markdown, with every example.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade rules" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade rules" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade rules" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" reps' -l 'reps' -d 'Number of reps.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" weeks' -l 'weeks' -d 'Number of weeks of history, ending with the last full week.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" out' -l 'out' -d 'Folder to create (must not exist or be empty).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" seed' -l 'seed' -d 'Random seed.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" history' -l 'history' -d '\'update\': one commit per update, by its author at its time (default); \'week\': one commit per week, much faster for very large organisations, without per-update authors and times.' -rfka 'update week'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" today' -l 'today' -d 'Fix today\'s date (YYYY-MM-DD) for reproducible runs.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade demo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" for' -l 'for' -d 'The leader whose team\'s losses to review.' -rfka '(__cascade_custom_completion ---completion review -- --for (count (__cascade_tokens -pc)) (__cascade_tokens -tC))'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" week' -l 'week' -d 'One week (default: the latest week with updates).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" since' -l 'since' -d 'First week of a range, YYYY-Www.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" until' -l 'until' -d 'Last week of a range, YYYY-Www.' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" format' -l 'format' -d 'md or json.' -rfka 'md json'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" root' -l 'root' -d 'The 15-5 repository (the folder holding org.yaml).' -rfka ''
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" color' -l 'color' -d 'Colour: auto (a terminal, without NO_COLOR), always or never.' -rfka 'auto always never'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" version' -l 'version' -d 'Show the version.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade review" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cascade' -n '__cascade_should_offer_completions_for_flags_or_options "cascade help" version' -l 'version' -d 'Show the version.'
