"""Word lists and regular expressions that encode news-copy conventions for segment.py.

Kept apart from the segmentation logic so that the lists can grow without the
algorithm growing with them.
"""
import re

# Abbreviations that precede a name or number and so must not end a sentence
# when a capitalised word follows ("Gov. Newsom", "Ft. Worth", "SEN. WARREN").
# Compared case-insensitively, without the final period.
TITLE_ABBREVIATIONS = frozenset("""
mr mrs ms mx dr prof gov sen rep reps sens pres supt
gen lt col maj capt cpt cmdr adm sgt cpl pvt brig ens
rev fr sr sra jr hon atty amb det insp asst
st mt ft ave blvd
inc corp ltd co cos llc plc bros
vs v etc no nos
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

# The subset of titles that sit directly in front of a personal or place name.
NAME_TITLES = frozenset("""
mr mrs ms mx dr prof gov sen rep reps sens pres supt gen lt col maj capt cpt cmdr adm
sgt cpl pvt brig ens rev fr sr sra jr hon atty amb det insp st mt ft
""".split())

# Abbreviations that end a company or personal name, so a line ending in one
# ("About Acme Robotics Inc.") has no full stop of its own.
NAME_ENDING_ABBREVIATIONS = frozenset("inc corp ltd co cos llc plc bros jr sr".split())

# Capitalised words that typically open a sentence; after one of these a
# title abbreviation really did end the sentence ("... Apple Inc. The company").
SENTENCE_STARTERS = frozenset("""
A About After Again All Also Although An And Another Are As At Because Before
Besides But By Consequently Despite During Each Either Even Every Few For From
Furthermore He Hence Her Here His How However I If In Instead It Its Last
Later Like Many Meanwhile Moreover Most Much My Neither Nevertheless Next Nor
Now Of On Once One Only Or Other Otherwise Our Over Since So Some Still Such
That The Their Then There Therefore These They This Those Though Thus To Under
Until We What When Where Whereas Whether Which While Who Why With Yet You Your
""".split())

# Starters that, after a dotted initialism such as "U.S.", mark a new sentence
# even though syntok keeps going ("He lives in the U.S. He moved ...").
PRONOUN_STARTERS = ("He", "She", "They", "We", "I", "You", "His", "Her",
                    "Their", "Our", "But", "However", "Meanwhile")

# Chrome lines matched exactly (case-insensitive, trailing punctuation ignored).
BOILERPLATE_LINES = frozenset("""
accessibility links|breaking news|share|share this|share this article|share this story
share on facebook|share on twitter|share via email|print|print this page|email|e-mail
skip to main content|skip to content|skip navigation|skip to navigation|advertisement
ad|advert|sponsored|sponsored content|paid content|related stories|related|related articles
related content|related coverage|more stories|more on this story|read more|see more
continue reading|story continues below|story continues below advertisement|most read
most popular|trending|trending now|listen|listen to this article|comments|show comments
view comments|sign up|sign in|log in|subscribe|subscribe now|menu|search|home|close
back to top|top stories|latest news|latest|live|watch|watch live|video|newsletter
copy link|link copied|copied|save|save article|bookmark|tweet|facebook|twitter|x
whatsapp|linkedin|reddit|pinterest|telegram|cookie policy|privacy policy|terms of use
terms of service|cookie settings|all rights reserved|download the app|open in app
get the app|image|photo|audio|gallery|next|previous|loading|loading comments|social sharing
next article|previous article|explore more|you may also like|recommended
recommended stories|editor's picks|don't miss|topics|tags|full coverage
""".replace("\n", "|").split("|"))

# Chrome lines recognised by how they begin (only short lines are considered).
BOILERPLATE_PREFIX = re.compile(
    r"^(?:follow (?:us|\w+) on|sign up for|sign up to|subscribe to|subscribe for"
    r"|share (?:on|this|via)|read more\b|related\s*:|see also\b|click here|copyright\s*(?:©|\(c\)|\d{4})"
    r"|©|\(c\) \d{4}|all rights reserved|download (?:our|the) app|get the latest"
    r"|more from\b|more on\b|listen to this|this article is more than"
    r"|\d+\s*-?\s*min(?:ute)?s?\s+read\b|our standards\s*:"
    r"|(?:updated|published|posted|last updated)\b[^a-z]*\d"
    r"|(?:first published|last modified) on\b|sign in or create\b|reuse this content\b)",
    re.IGNORECASE,
)

# Wire credit lines: "Reporting by A in London; Editing by B". Can be long.
CREDIT_LINE = re.compile(
    r"^\(?(?:additional )?(?:reporting|editing|writing|compiled|research|graphics) by\b",
    re.IGNORECASE,
)

# "By Jane Doe" / "By JANE DOE and TOM LEE, Associated Press"; not "By the numbers"
# and not "By Tuesday, the deal collapsed".
BYLINE = re.compile(
    r"^By\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February"
    r"|March|April|May|June|July|August|September|October|November|December|Then|The"
    r"|This|That|Now|Early|Late|Mid|Next|Last)\b)[A-Z][\w'’.-]*"
    r"(?:,?\s+(?:(?:and|&)\s+)?[A-Z][\w'’.-]*)*(?:\s*[,|]\s*.*)?(?<![.!?])$"
)

# Contact details and web addresses: press-release and site footer furniture.
CONTACT_DETAILS = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|\bhttps?://|\bwww\.|\+?\d[\d ()-]{7,}\d"
)

# Wire footers and labels that are written in capitals: "SOURCE Acme Inc.", "NEWS PROVIDED BY".
CAPITALISED_CHROME = re.compile(r"^(?:SOURCE|NEWS PROVIDED BY|CONTACT|MEDIA CONTACT)\b")

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
          r"|January|February|March|April|June|July|August|September|October"
          r"|November|December")
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"
_AGENCIES = r"Reuters|REUTERS|AP|AFP|EPA|EPA-EFE|Getty Images|Xinhua|Bloomberg|Pool|Handout"

CAPTION_PREFIX = re.compile(
    r"^(?:FILE\s*(?:PHOTO\s*)?[-–—:]|FILE PHOTO\b|(?:Photo|Image|Picture|Photograph|"
    r"Caption|Credit)\s*(?:caption|credit|source)?\s*[:,]|Image (?:caption|source)\b|"
    r"Photo (?:by|courtesy|credit|illustration)\b|In this (?:file |undated |handout )?"
    r"(?:photo|image|picture|photograph)\b)",
    re.IGNORECASE,
)

# A caption that ends in its credit: "Protesters at the camp. Photograph: Jane Doe/AP",
# "Composite: Guardian Design", "Illustration: John Roe".
CREDIT_AT_END = re.compile(r"(?:^|[.!?”\s])(?:Photograph|Photo|Illustration|Composite|Image|Picture|Pic)(?: credit)?\s*:"
                           r"\s*[A-Z][^.:]{0,80}$")

# A caption label alone on its line; the caption text follows on the next line.
CAPTION_LABEL = re.compile(r"^(?:image|photo|media|video)?\s*caption\s*[:,]?$", re.IGNORECASE)

# ", Dec. 3, 2018." at the very end of a line: the AP caption convention.
CAPTION_DATE_END = re.compile(r",\s+(?:" + _MONTH + r")\s+\d{1,2},\s+\d{4}\s*\.?[\"”’']?$")

# A line that is only a date or time stamp: "Oct 03, 2023, 08:00 ET", "Updated 3:45 PM EST".
TIMESTAMP_LINE = re.compile(
    r"^(?:(?:Updated|Published|Posted|Last updated)\s*:?\s*)?(?:" + _WEEKDAY + r",?\s+)?"
    r"(?:(?:" + _MONTH + r")\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:" + _MONTH + r")\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})?(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[AP]M)?"
    r"(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)

# A photo credit: "(Reuters/Name)", "(AP Photo/Evan Vucci)", "REUTERS/Name".
PHOTO_CREDIT = re.compile(
    r"(?:\((?:[^()]*(?:" + _AGENCIES + r")[^()]*/[^()]*|[^()]*/\s*(?:" + _AGENCIES
    + r")|[A-Z][^()/]*/\s*[A-Z][^()/]*|[^()]*\b(?:Photo|Photograph|Getty Images|Courtesy)\b[^()]*)\)"
    r"|\b(?:REUTERS|AP Photo|AFP PHOTO|EPA-EFE)\s*/\s*[^()]+"
    r"|(?:/|\bvia\s+)(?:" + _AGENCIES + r"))\s*\.?$"
)

# Terminal punctuation followed by closing quotes at the end of a sentence.
ENDS_WITH_QUOTED_TERMINAL = re.compile(r"[.?!…][\"'”’»]+$")
# A dash opening a sentence: the tail of a dateline "WASHINGTON (AP) — ...".
STARTS_WITH_DASH = re.compile(r"^(?:--|[-–—])(?=\s)")
# The final word of a unit, possibly an abbreviation with its period.
LAST_WORD = re.compile(r"([A-Za-z]+)\.$")
# A dotted initialism (U.S., U.N., E.U.) or corporate suffix before a pronoun.
INITIALISM_THEN_PRONOUN = re.compile(
    r"(?<![\w.])(?:(?:[A-Z]\.){2,}|Inc\.|Corp\.|Ltd\.|Co\.|Jr\.|Sr\.)(?=\s+(?:"
    + "|".join(PRONOUN_STARTERS) + r")\s)"
)

# A full stop followed by an opening quotation: after an abbreviation syntok keeps
# going ('of Acme Inc. "Together we ...'), but a new quoted sentence starts here.
PERIOD_BEFORE_OPENING_QUOTE = re.compile(r"\.(?=\s+[\"“‘][^\W\d_])")

EMOJI = (r"\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF"
         r"\uFE0F\u200D\U000E0020-\U000E007F")
# Sentence punctuation straight after an emoji, then a new capitalised sentence.
EMOJI_TERMINAL = re.compile(
    r"[" + EMOJI + r"][.!?…]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9" + EMOJI + r"])"
)
# Emoji that open a unit but react to the previous sentence ("wild! 😀 Then").
LEADING_EMOJI = re.compile(r"[" + EMOJI + r"]+(?=\s+\S)")

# A list item: "• Oil rose 4%", "- Gold fell", "1) Rates". Items are prose, not subheads.
LIST_BULLET = re.compile(r"^(?:[•·▪►‣◦*+–—-]|\d{1,2}[.)])\s")

HEADING_TERMINALS = ".!?:;,…-–—"

# Lines that are page furniture whatever their length: credits ("X contributed
# to this report."), promotions, newsletter and follow prompts, update notes,
# author bios and contact lines at the foot of a story.
CREDIT_OR_PROMO = re.compile(
    r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b"
    r"|^(?:get up to speed with|you may occasionally receive|know something we don'?t"
    r"|e-?mail us at|get \w+(?: \w+)? on (?:twitter|facebook)|continue reading"
    r"|this (?:article|story) (?:was|has been) (?:originally published|updated)"
    r"|listen to\b.*\blive\b|watch\b.*\blive\b|read this story in)"
    r"|^\d{1,2}:\d{2} [ap]\.m\.: this (?:article|story)"
    r"|\b(?:he|she) can be reached at\b|^you can (?:send|follow|reach|e-?mail)\b"
    r"|edited by\b.*\bupdated:"
    r"|^[—–-]*\s*with (?:assistance|additional reporting|reporting) (?:by|from)\b"
    r"|^(?:updated|published|posted|last updated)\s+(?:on\s+|at\s+)?(?:" + _MONTH + r"|today|yesterday)\b[^.]{0,30}\d",
    re.IGNORECASE,
)

# "Shahien Nasiripour is the business reporter for the Huffington Post."
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+ (?:is|writes) (?:a|an|the|The) [\w ,.'’-]{0,40}?"
    r"\b(?:reporter|correspondent|writer|editor|columnist|contributor|producer|bureau chief"
    r"|journalist|photographer)\b.{0,60}$"
    r"|^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+ (?:covers|writes about|reports on) [\w ,'’-]{1,60}\bfor (?:the |The )?"
    r"[A-Z][\w.'’ -]+\.?$"
)

# A separator ("___", "--", "* * *") or a link label ("Read more:", "UPDATES:").
SEPARATOR = re.compile(r"^[\W_]+$")
LINK_LABEL = re.compile(r"^(?!.*\b(?:said|says|told|added|wrote|asked)\b)[^.!?]{1,40}:$")
PROMO_PARENTHESIS = re.compile(r"^\((?:See|Watch|Read|Listen|Click|View|Photos?|Video|Related|Graphics?|Chart"
                               r"|Interactive|Factbox|Timeline|Map|Gallery|Slideshow|More)\b[^()]*\)\.?$"
                               r"|^\((?:Image|Picture|Pic|Photograph|Credit)s?\s*:[^()]*\)\.?$")

# An embedded post: "— Name (@handle) December 23, 2016", or text with a t.co link.
EMBED_CREDIT = re.compile(r"^[—–-]+\s*[^()]*\(@\w+\)\s+\w+\.? \d{1,2}, \d{4}$")
EMBED_TEXT = re.compile(r"https?://t\.co/|\bpic\.twitter\.com/")

# A question asked as a subhead: short, Title Case or a bare question ("What did
# the prosecutors say?"), alone on its line.
QUESTION_SUBHEAD = re.compile(r"^(?:What|Why|How|Who|Where|When|Which|Is|Are|Can|Could|Will|Should|Does|Do|Did)\b[^.!?]*\?$")

# After a.m./p.m. or a dotted initialism, a capitalised word that opens a new
# sentence ("It was 3:05 a.m. Anthony Rodriguez heard ..."); not a time zone or
# a name that goes on ("U.S. Treasuries", "3 p.m. ET").
TIME_THEN_SENTENCE = re.compile(
    r"(?<![\w.])[ap]\.m\.(?=\s+(?!(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|UTC|BST|CET|IST|JST|AEST|"
    r"Eastern|Central|Pacific|Mountain|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|local)\b)"
    r"[\"“‘(]?[A-Z][a-z])"
)
INITIALISM_THEN_STARTER = re.compile(
    r"(?<![\w.])(?:(?:[A-Z]\.){2,}|Jr\.|Sr\.)(?=\s+(?:The|This|That|These|Those|It|Its|In|On|At|But|And|"
    r"However|Meanwhile|There|After|Before|When|While|Still|Yet|So|Also|A|An)\s)"
)

# A full stop glued to the opening mark of the next quotation: 'Kaine."So that'.
PERIOD_GLUED_QUOTE = re.compile(r"(?<=[a-z])\.(?=[\"“][A-Z])")

# A quotation ending a sentence, then a new capitalised sentence that is not
# the quotation's speaker tag ('"... after you.\'" Committee Chairman Jason
# Chaffetz did not respond' splits; '"Who cares?" Henderson asked.' does not).
QUOTED_END_THEN_CAPITAL = re.compile(r"[.!?]['’]?[\"”]+(?=\s+[A-Z])")
SPEAKER_TAG = re.compile(
    r"\s+(?!(?:He|She|They|We|I|It|You)\s)(?:[A-Z][\w.'’-]*\s+){1,4}?"
    r"(?:said|says|asked|asks|added|adds|told|wrote|writes|replied|recalled|explained|continued|"
    r"insisted|warned|noted)\b")

# A middle initial that syntok took for a full stop: "Francis X." + "De Luca".
MIDDLE_INITIAL = re.compile(r"(?:^|\s)[A-Z][a-z]+ [A-Z]\.$")

# A reader appeal: the request for money or sign-ups that news sites print under
# or inside a story ("we have a small favour to ask", "support our journalism").
# A line with two such phrases is an appeal paragraph, chrome whatever its length.
# Only phrases that news prose does not use: "support the Democrats" is news.
READER_APPEAL = re.compile(
    r"\bsmall favou?r to ask\b|\bsince you['’]re here\b|\bput up a paywall\b|\bbehind a paywall\b"
    r"|\b(?:support|fund|funding|supporting)\s+our (?:journalism|reporting|work|newsroom)\b"
    r"|\b(?:make|making) a (?:contribution|donation)\b|\bbecome a (?:member|supporter|subscriber|patron)\b"
    r"|\bit only takes a minute\b|\bour (?:independent|investigative|quality) journalism\b"
    r"|\bsubscribe (?:today|now)\b|\bfor as little as [$£€]\d",
    re.IGNORECASE,
)

# Share buttons printed as words: "Facebook Twitter Pinterest", "Share via Email".
SHARE_WORDS = frozenset("share facebook twitter pinterest whatsapp linkedin reddit email e-mail messenger "
                        "tumblr print copy link via on this article save for later".split())
