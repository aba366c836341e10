"""Closed word lists the rules rely on.

Kept in one place so that extending coverage (a new reporting verb, a new
title) is a one-line change that does not touch the matching logic.
"""

# Reporting verbs, inflected forms only: bare forms ("say", "ask") are mostly
# infinitives or negated ("did not say") and would create false attributions.
CUE_VERBS = frozenset("""
say said says saying told tells telling added adds adding wrote writes writing
tweeted tweets posted asked asks asking stated states explained explains
noted notes noting argued argues arguing insisted insists insisting
warned warns warning claimed claims claiming alleged alleges alleging
acknowledged acknowledges admitted admits conceded concedes confirmed
confirms denied denies announced announces declared declares concluded
concludes found finds reported reports estimated estimates predicted
predicts suggested suggests testified testifies maintained maintains
contended contends countered counters replied replies responded responds
recalled recalls stressed stresses emphasized emphasised emphasizes
emphasises urged urges urge urging accused accuses accusing identified
identifies recommended recommends recommend showed shows
pledged pledges vowed vows criticized criticised criticizes criticises
cited cites described describes reiterated reiterates revealed reveals
recounted recounts assailed condemned condemns asserted asserts
objected disputed disputes divulged complained complains agreed
believe believes think thinks expect expects worry worries fear fears
observed observes answered continued began yelled accuse show suggest
cautioned cautions indicated indicates affirmed affirms called calls dubbed
admit tell warn argue insist claim note acknowledge concede contend estimate predict reads
instructed sees see foresees foresee forecasts forecast projects disagreed disagrees objects wants want
spoke speaks suggesting describing insinuating declaring asserting stressing contending acknowledging predicting
vowing pledging calling expected hinted hints questioned questions
quipped quips joked jokes hopes hoped blasted blasts slammed slams lambasted decried decries
speculated speculates touted touts read understands understood disagree
learnt learned learns related relates reminded reminds issued issues complaining grumbling grumbled grumble
chanted shouted screamed whispered exclaimed muttered projected commented highlighted highlights
allege suspect suspects ruled clarified clarifies call mentioned mentions expressed expresses pointed points
""".split())

# Cues that report only a quotation they introduce or follow ("She continued:
# "..."", ""...," the email began"): as plain verbs they report nothing.
QUOTE_ONLY_CUES = frozenset("continued began yelled answered observed reads read quipped quips joked jokes commented "
                            "chanted shouted screamed whispered exclaimed muttered".split())

# Words that open a subordinate clause: a cue right after its subject there
# ("Only when his chief strategist, Steve Bannon, explained ...") is not the
# sentence's frame.
SUBORDINATORS = frozenset("when if after before because although though while until unless once since".split())

# Cues that report only with the document or appeal they issue: "issued a plea for ...".
ISSUING_CUES = frozenset("issued issues".split())

# Bare cues that are also nouns: after "a ransom note", "the final say" they name a thing.
NOUN_LIKE_BARE_CUES = frozenset("note claim estimate forecast".split())

# Cues that also move prices: "the Nasdaq added 20.72 points" reports nothing.
MARKET_CUES = frozenset("added adds".split())

# Cues that name or label something, a report only before a quotation:
# "Yellen called that a "very modest adjustment"".
NAMING_CUES = frozenset("called calls call dubbed calling".split())

# Cues that report a stance with nothing after them: "Some farmers disagreed."
NO_CONTENT_CUES = frozenset("disagreed disagrees disagree objected objects".split())

# Stance verbs: a report only with a plural or collective subject or a
# "that" clause ("Investigators believe that ...", "Analysts expect ...").
STANCE_CUES = frozenset("believe believes think thinks expect expects worry worries fear fears "
                        "sees see foresees foresee forecasts forecast projects projected wants want expected hopes hoped "
                        "understands allege suspect suspects"
                        .split())
# Stance verbs that forecast: a report when a figure follows ("expects growth of 3%").
FORECAST_CUES = frozenset("sees see expect expects expected foresees foresee forecasts forecast projects projected "
                          "predicts predict".split())

# Verbs that invert after a quotation or clause ("..., said Smith"); others
# after a comma start a new predicate ("The mayor, Tom Hale, urged ...").
INVERTIBLE_CUES = frozenset("""
said says added adds asked asks wrote writes tweeted explained explains noted notes
recalled recalls replied replies warned warns insisted insists continued argued
observed answered began declared predicted says adds instructed
quipped quips joked jokes read reads reported reports
chanted shouted screamed whispered exclaimed muttered concluded concludes
""".split())

# Participles that hang a reported clause on the main subject:
# "The judge denied the request, saying ...".
PARTICIPLE_CUES = frozenset(
    "saying adding accusing arguing insisting warning noting claiming alleging urging suggesting "
    "insinuating declaring asserting stressing contending acknowledging predicting vowing pledging "
    "calling describing telling".split())

# Cues that are also common nouns or plain action verbs ("news reports",
# "police found a body"): they count only before "that" or after a document.
THAT_CUES = frozenset(
    "states notes reports claims estimates found finds identified identifies showed shows "
    "denied denies confirmed confirms admitted admits acknowledged reported announced announces "
    "cited cites described describes revealed reveals agreed disputed objected show suggest "
    "indicated indicates affirmed affirms posted posts responded responds tweeted tweets "
    "maintains maintained declared declares touted touts learnt learned learns related relates reminded reminds"
    " highlighted highlights ruled clarified clarifies expressed expresses".split())

# Words that, just before a bare cue ("to say", "would say"), mean it is not a report.
MODALS = frozenset("to would could will may might should can must did does do".split())

# Words that, just before a cue, mean nothing was reported.
NEGATORS = frozenset("not never n't declined refused without no nobody none neither nor".split())

# Titles and offices written before a name ("Sen.", "Health Minister").
TITLES = frozenset("""
mr mrs ms dr prof sen rep gov gen lt col capt sgt det supt asst adm maj
judge justice senator congressman congresswoman representative governor mayor
president vice minister secretary speaker leader chairman chairwoman chair
chief executive officer director commissioner marshal attorney prosecutor
sheriff inspector ambassador spokesman spokeswoman spokesperson professor
assistant deputy associate general prime premier king queen prince pope
bishop rabbi imam coach detective trooper councilman councilwoman
farmer realtor economist head captain lieutenant sergeant colonel commander
chancellor principal lady first
supervisor superintendent ranger administrator coordinator meteorologist correspondent
treasurer comptroller dean provost warden constable trustee mp mep msp mla lawmaker legislator councillor
councilmember ceo cfo coo cto chairperson cardinal archbishop rev reverend father sister cmdr cdr assemblyman
assemblywoman assemblymember defender sir dame baroness baron
dci wpc acp asp dcp ssp cpl cllr pm qc kc counsel
""".split())

# Words that make a capitalised name an organisation rather than a person.
ORG_WORDS = frozenset("""
ministry department office institute institution organization organisation
council congress project commission committee agency association union
university college court police party government fund foundation center
centre watch bank board authority service services administration bureau
assembly parliament senate house corporation company group inc corp co ltd
llc plc holdings partners capital securities financial foods electric energy
airlines motors pharmaceuticals technologies systems labs mutual workers
network times post news press reuters embassy school hospital clinic
records media music entertainment studios pictures brands industries airways
petroleum telecom communications networks insurance trust ventures logistics
railways army navy forces command operator federation alliance coalition league society regulator
tribunal club reserve
""".split())

# Organisation heads that name a company (for "the company", "the firm").
COMPANY_WORDS = frozenset("""
corporation company group inc corp co ltd llc plc holdings partners capital
securities financial foods electric energy airlines motors pharmaceuticals
technologies systems labs mutual bank
""".split())

# Nouns for documents whose "author" is the source ("the report found").
DOC_NOUNS = frozenset("""
report reports assessment study analysis survey review audit findings
estimates data figures statement filing records paper poll investigation
""".split())

# What a person or body said or wrote, named for them: "Blinken’s explanations", "the tweet from Vulture".
MESSAGE_NOUNS = (r"tweets?|posts?|letters?|messages?|e-?mails?|memos?|remarks|comments|explanations?|words|"
                 r"testimony|speech|account|announcement|press release|news release")

PERSON_PRONOUNS = frozenset("he she".split())
# Singular nouns that name a body of people and speak as one ("police said").
COLLECTIVE_NOUNS = frozenset("police media staff military army government management".split())
GROUP_PRONOUNS = frozenset("they it".split())

# First words of a comma-delimited part that is not the source noun phrase:
# time and place adjuncts, participial and subordinate openers.
INTRO_WORDS = frozenset("""
on in at last after before while during asked speaking however earlier later
also but and when since as for with by from despite although though
meanwhile separately yesterday today tonight this next according
worse better moreover besides plus again otherwise nonetheless nevertheless
if unless whether because once soon
so then now still indeed instead overall likewise thus first finally
under like amid among within across through over toward towards behind beyond
inside outside near just only even nearly almost sure
ultimately yet without
privately publicly separately similarly additionally initially previously recently currently notably
importantly specifically personally officially historically typically generally frankly clearly obviously
apparently reportedly unfortunately fortunately interestingly ironically curiously surprisingly
alternatively consequently subsequently eventually originally elsewhere
sentencing responding commenting reacting testifying concluding reached contacted
""".split())

# Participles that sit inside a source slot without making it a clause
# ("those surveyed", "insiders polled last week"), and plural nouns that
# double as cue verbs when they end the slot ("Initial reports said").
SLOT_PARTICIPLES = frozenset("surveyed polled interviewed contacted questioned asked quoted cited retired elected "
                             "appointed based headquartered located pictured connected linked".split())
SLOT_NOUNS = frozenset("reports claims estimates notes findings states shows warnings "
                        "note claim estimate forecast".split())

# Words that open a clause inside a noun phrase; the part stops there.
CLAUSE_OPENERS = frozenset("who whose which that where whom".split())

# Auxiliaries and adverbs that may sit between a subject and its cue.
AUX_ADVERBS = frozenset("""
has have had also repeatedly previously later then again long already
once often has been have been would could will may might did does do
more since still now even too first
""".split())

# Common irregular past-tense verbs: they end a subject noun phrase.
IRREGULAR_PAST = frozenset("""
went made took gave got came saw left met held ran began brought built
bought paid sent spent led kept lost won fell rose grew knew thought told
said found became struck hit set put cut shut sought fought stood sat wrote
spoke broke chose drove flew threw tore wore swore drew heard felt meant caught
taught fled sank shook stole swept shot sold is are was were has have had will would
can could did does do shall should may might must
""".split())

# Connector words allowed inside a proper name ("Center for Fiscal Policy").
NAME_CONNECTORS = frozenset("of for the and de del la van von al bin da du der den dos das di le ter ibn bint".split())

GROUP_NOUNS = {
    "groups": "group", "organizations": "group", "organisations": "group",
    "activists": "group", "nations": "group", "countries": "group",
    "lawmakers": "people", "officials": "people", "companies": "group",
}
