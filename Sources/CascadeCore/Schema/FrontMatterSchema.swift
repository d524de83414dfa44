/// The JSON Schema (draft 2020-12) of an update's front matter, with the
/// organisation's people, stages, reasons and functions filled in.
public enum FrontMatterSchema {
    public static func json(for org: Org) -> String {
        func list(_ values: [String]) -> String { "[" + values.map(JSON.string).joined(separator: ", ") + "]" }
        let text = "{ \"type\": \"string\", \"minLength\": 1 }"
        let line = "{ \"type\": \"string\", \"minLength\": 1, \"pattern\": \"^[^\\\\n\\\\r]*$\" }"
        let targets = org.functionIDs + org.personIDs
        return """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://cascade.example/schema/update.json",
              "title": \(JSON.string("Weekly update of \(org.company.isEmpty ? "the organisation" : org.company)")),
              "description": "Front matter of updates/<week>/<person>.md. Keys starting with x- are allowed at every \
            level and ignored.",
              "type": "object",
              "required": ["author", "week"],
              "properties": {
                "author": { "description": "Your person id in org.yaml; equals the file name.", "enum": \
            \(list(org.personIDs)) },
                "week": { "description": "ISO week, YYYY-Www; equals the folder name.", "type": "string", "pattern": \
            "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$" },
                "deals": { "type": ["array", "null"], "items": { "$ref": "#/$defs/deal" } },
                "highlights": { "description": "Ids of your team's deals that must reach your manager's digest.", \
            "type": "array", "items": { "type": "string" } }
              },
              "patternProperties": { "^x-": true },
              "additionalProperties": false,
              "$defs": {
                "deal": {
                  "type": "object",
                  "required": ["id", "account", "stage", "amount", "close"],
                  "properties": {
                    "id": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" },
                    "account": \(text),
                    "stage": { "enum": \(list(org.stages.all)) },
                    "amount": { "description": "A plain number in \(org.currency), like 120000.", "type": "number", \
            "minimum": 0 },
                    "close": { "description": "YYYY-MM-DD; for an open deal not before the Monday of the week.", \
            "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
                    "next": \(line),
                    "reason": { "enum": \(list(org.lossReasons)) },
                    "lesson": \(line),
                    "why": \(text),
                    "competitor": \(text),
                    "vertical": \(text),
                    "persona": \(text),
                    "forecast": { "description": "Overrides the forecast category of the deal's stage.", "enum": \
            ["commit", "best-case", "pipeline", "omitted"] },
                    "source": { "description": "Where the deal came from: inbound, outbound, partner, event, ...", \
            "type": "string", "minLength": 1 },
                    "gaps": { "type": "array", "items": { "type": "string", "pattern": \
            \(JSON.string(org.tickets.pattern)) } },
                    "objections": { "type": "array", "items": \(text) },
                    "asks": { "type": "array", "items": { "$ref": "#/$defs/ask" } }
                  },
                  "patternProperties": { "^x-": true },
                  "additionalProperties": false,
                  "allOf": [
                    { "if": { "properties": { "stage": { "enum": \(list(org.stages.open)) } }, "required": ["stage"] \
            }, "then": { "required": ["next"] } },
                    { "if": { "properties": { "stage": { "enum": \(list(org.stages.lost)) } }, "required": ["stage"] \
            }, "then": { "required": ["reason"] } },
                    { "if": { "properties": { "stage": { "enum": \
            \(list(org.stages.lost.filter(org.stages.needsLesson))) } }, "required": ["stage"] }, "then": { \
            "required": ["lesson"] } }
                  ]
                },
                "ask": {
                  "type": "object",
                  "required": ["to", "ask"],
                  "properties": {
                    "to": { "description": "A function or person id.", "enum": \(list(targets)) },
                    "ask": \(line)
                  },
                  "patternProperties": { "^x-": true },
                  "additionalProperties": false
                }
              }
            }

            """
    }
}
