/// Words the generator builds people, accounts and notes from.
enum Vocabulary {
    static let firstNames = [
        "ana", "ben", "carla", "dev", "elena", "farid", "grace", "hugo", "ines", "jonas", "keiko", "liam", "maya",
        "nikhil", "olga", "pablo", "quinn", "rosa", "sami", "tara", "umar", "vera", "wen", "ximena", "yusuf", "zoe",
        "amir", "beatriz", "chen", "dara", "emil", "fatima", "gabriel", "hana", "ivan", "julia", "kofi", "lena",
        "marco", "nadia", "oscar", "priya", "rafael", "sofia", "tomas", "uma", "viktor", "willa", "yara", "zane",
    ]
    static let lastNames = [
        "lima", "okafor", "rossi", "patel", "berg", "haddad", "nguyen", "meyer", "dubois", "khan", "silva", "brooks",
        "webb", "tanaka", "costa", "novak", "larsen", "moreau", "schmidt", "garcia", "kowalski", "ivanova", "mensah",
        "oconnor", "fischer", "yamamoto", "andersen", "romero", "lindqvist", "adeyemi", "kaur", "hughes", "weber",
        "sato", "martin", "popescu", "quist", "reyes", "suzuki", "thomsen", "usman", "varga", "wright", "xu", "young",
        "zhang", "alvarez", "bianchi", "chopra", "dimitrov",
    ]
    static let regions = ["Americas", "EMEA", "APAC", "LATAM", "ANZ", "Japan"]
    static let timezones = ["Americas": -300, "EMEA": 60, "APAC": 480, "LATAM": -180, "ANZ": 660, "Japan": 540]
    static let segments = ["Enterprise", "Mid-Market", "Commercial"]
    static let accountStems = [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Cyberdyne", "Tyrell", "Soylent", "Hooli",
        "Vandelay", "Wonka", "Oscorp", "Gringotts", "Monarch", "Pied Piper", "Aperture", "Black Mesa",
        "Massive Dynamic", "Nakatomi", "Oceanic", "Prestige", "Rekall", "Sterling", "Virtucon", "Zorg", "Blue Sun",
        "Dunder", "Krusty", "Los Pollos",
    ]
    static let accountKinds = [
        "Bank", "Health", "Logistics", "Foods", "Energy", "Retail", "Insurance", "Telecom", "Labs", "Manufacturing",
        "Media", "Airlines", "Pharma", "Credit Union", "Freight", "Software",
    ]
    static let verticals = [
        "Financial Services", "Healthcare", "Manufacturing", "Retail", "Logistics", "Energy", "Telecom",
        "Public Sector", "Media", "Software",
    ]
    static let personas = ["CFO", "CIO", "CDO", "COO", "VP Finance", "Head of Data", "CISO", "VP Operations"]
    static let competitors = ["Globex", "Initech", "Umbrella", "Contoso", "Hooli"]
    static let objections = [
        "price", "security-review", "integration", "data-residency", "timing", "change-management", "procurement",
        "roi-unclear", "competitor-incumbent",
    ]
    static let ticketPrefixes = ["PROD", "DATA", "INT", "SEC"]
    static let nextSteps = [
        "Discovery call with the {p} on {d}", "Demo for the {p}'s team on {d}", "Send the proposal to the {p} by {d}",
        "Security review with their CISO on {d}", "Pricing call with procurement on {d}",
        "Mutual close plan review on {d}", "Technical validation workshop on {d}",
        "Reference call with a customer on {d}", "Legal redlines back by {d}", "Exec sponsor meeting on {d}",
    ]
    static let asks = [
        "ROI model for the {p} by {d}", "Roadmap date for the connector before {d}", "Case study in {v} for the {p}",
        "Exec sponsor for the close call on {d}", "Security questionnaire answers by {d}",
        "Pricing approval for a 3-year ramp by {d}", "Solution architect for the workshop on {d}",
    ]
    static let lessons = [
        "We never reached the economic buyer; multi-thread before the proposal.",
        "We let procurement run the deal; qualify the budget owner in discovery.",
        "The competitor's incumbent integration won; lead with our migration plan earlier.",
        "Our price anchored too late; show the business case before the quote.",
        "The champion left and we had no second contact; map the buying committee by stage two.",
        "The gap was known from week one; escalate product gaps before investing in a proposal.",
        "We demoed features, not outcomes; tie the demo to their KPIs.",
        "Timing was never real; confirm the compelling event before forecasting.",
    ]
    static let whys = [
        "Strong champion and a business case the CFO could quote.", "Our in-region hosting closed the security review.",
        "Reference customer in the same vertical tipped it.", "Fast proof of value on their own data.",
        "Exec alignment early made procurement smooth.",
    ]
    static let repNotes = [
        "{a} is the one to watch this week: {n}.", "Good week on {a}; the {p} is engaged.",
        "{a} slipped; I need to get above my champion.", "Pipeline is healthy but {a} needs help from {f}.",
        "Quiet week; prospecting in {v}.", "{a} moved forward after the workshop.",
        "Worried about {a}: the competitor is in late.",
    ]
    static let leaderNotes = [
        "Focus this week: close plans on every commit deal, and name the economic buyer on every deal above $100k.",
        "Read the losses this week: each lesson is one we can use before the quarter ends.",
        "Asks to product are piling up on the same gaps; please add the ticket id to every deal it blocks.",
        "Slipped close dates are the first sign of a loss: if a date moves twice, bring it to our one-on-one.",
        "Great wins this week; tell the team why we won so others can repeat it.",
        "Forecast call on Thursday: update amounts and close dates before then.",
    ]
}
