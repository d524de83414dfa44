/// The built-in `templates/digest.md`: used when the repository has none.
/// Variables are documented in the README ("Templates").
public enum DefaultDigestTemplate {
    public static let markdown = #"""
        # {{{title}}}

        {{{company}}} · {{{week}}} · {{{reading_time}}} · {{{scope_line}}}
        {{#headline}}

        **{{{label}}}:** {{{text}}}
        {{/headline}}
        {{#unreadable}}

        > {{{.}}}
        {{/unreadable}}

        ## Numbers

        {{{numbers.headline}}}

        {{#has_stages}}
        | stage | open | deals | vs last week |
        | --- | ---: | ---: | ---: |
        {{#stages}}
        | {{{stage}}} | {{{amount}}} | {{{deals}}} | {{{change}}} |
        {{/stages}}
        {{/has_stages}}

        {{#numbers.lines}}
        - {{{.}}}
        {{/numbers.lines}}
        {{#has_movement}}

        | movement | amount | deals |
        | --- | ---: | ---: |
        {{#movement}}
        | {{{label}}} | {{{amount}}} | {{{deals}}} |
        {{/movement}}
        {{#movement_dates}}

        {{{.}}}
        {{/movement_dates}}
        {{/has_movement}}

        {{#highlights.show}}
        ## Highlights from your leaders

        {{#highlights.items}}
        - {{{line}}}
        {{/highlights.items}}
        {{#highlights.more}}
        - {{{.}}}
        {{/highlights.more}}

        {{/highlights.show}}
        {{#wins.show}}
        ## Wins

        {{#wins.items}}
        - {{{line}}}
        {{/wins.items}}
        {{#wins.more}}
        - {{{.}}}
        {{/wins.more}}

        {{/wins.show}}
        {{#losses.show}}
        ## Losses and lessons

        {{#loss_of_the_week}}
        **Loss of the week:** {{{line}}}

        {{/loss_of_the_week}}
        {{#losses.items}}
        - {{{line}}}
        {{/losses.items}}
        {{#losses.more}}
        - {{{.}}}
        {{/losses.more}}
        {{#loss_reasons}}

        Reasons: {{{loss_reasons}}}
        {{/loss_reasons}}
        {{#lost_alone}}

        {{{.}}}
        {{/lost_alone}}

        {{/losses.show}}
        {{#days_line}}
        {{{days_line}}}

        {{/days_line}}
        {{#asks.show}}
        ## Asks for help

        {{#asks.groups}}
        **{{{title}}}**
        {{#items}}
        - {{{line}}}
        {{/items}}
        {{#more}}
        - {{{.}}}
        {{/more}}

        {{/asks.groups}}
        {{#asks.more}}
        - {{{.}}}

        {{/asks.more}}
        {{/asks.show}}
        {{#flags.show}}
        ## Risks

        {{#flags.groups}}
        **{{{title}}}**
        {{#items}}
        - {{{line}}}
        {{/items}}
        {{#more}}
        - {{{.}}}
        {{/more}}

        {{/flags.groups}}
        {{#flags.more}}
        - {{{.}}}

        {{/flags.more}}
        {{/flags.show}}
        {{#gaps.show}}
        ## Product gaps

        {{#gaps.items}}
        - {{{line}}}
        {{/gaps.items}}
        {{#gaps.more}}
        - {{{.}}}
        {{/gaps.more}}

        {{/gaps.show}}
        {{#notes.show}}
        ## From the team

        {{#notes.items}}
        **{{{heading}}}:** {{{text}}}

        {{/notes.items}}
        {{#notes.more}}
        {{{.}}}

        {{/notes.more}}
        {{/notes.show}}
        {{#has_objections}}
        ## Objections

        | objection | deals this week | deals this quarter |
        | --- | ---: | ---: |
        {{#objections}}
        | {{{objection}}} | {{{week}}} | {{{quarter}}} |
        {{/objections}}
        {{#objections_more}}

        {{{.}}}
        {{/objections_more}}

        {{/has_objections}}
        {{#has_sources}}
        ## Win rate by source, this quarter

        | source | won | lost | win rate |
        | --- | ---: | ---: | ---: |
        {{#sources}}
        | {{{source}}} | {{{won}}} | {{{lost}}} | {{{rate}}} |
        {{/sources}}

        {{/has_sources}}
        {{#missing.show}}
        ## Missing updates

        {{{missing.line}}}
        {{/missing.show}}
        {{#has_glossary}}
        ## Stages in this digest

        {{#glossary}}
        - **{{{stage}}}**: {{{meaning}}}
        {{/glossary}}
        {{/has_glossary}}
        """#
}
