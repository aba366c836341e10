"""Patterns for the page chrome that news sites print inside or under a story.

The furniture that extractors keep: newsletter and app promotions, follow
prompts, syndication and correction notes, copyright footers, link stubs,
datelines left alone on their line. They were written from what news pages
commonly carry (the development articles of tests/data/news and the news
pages kept as fixtures by other HTML extractors), never from the held-out
articles. kinds.py applies them; segment_rules.py keeps the older patterns.
"""
import re

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April"
          r"|June|July|August|September|October|November|December")
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"
_NETWORKS = r"twitter|facebook|instagram|x|threads|bluesky|linkedin|tiktok|youtube|social media"

# A sentence that addresses the reader or the site rather than reporting news;
# chrome wherever it stands. Matched case-insensitively against one sentence.
PROMO_SENTENCE = re.compile(
    r"\bour (?:[\w'’-]+ ){0,3}newsletters?\b"
    r"|\bdelivered (?:straight |directly )?to your inbox\b|^get\b[^.]{0,60}\b(?:to|in) your inbox\b"
    r"|^follow (?:@\w+ |us |him |her |them |me |(?:[\w.'’-]+ ){1,3})on (?:" + _NETWORKS + r")\b"
    r"|^(?:like|find|join) us on (?:" + _NETWORKS + r")\b"
    r"|\b(?:is|are) on (?:" + _NETWORKS + r") at\b|^twitter:\s*@\w+\.?$"
    r"|^this (?:article|story|piece|post|column) (?:was |has been |is |first |originally )*"
    r"(?:appeared|appears|published|reprinted|republished|syndicated|produced in partnership)\b"
    r"|^a version of this (?:article|story)\b|^an earlier version of this (?:article|story)\b"
    r"|^(?:correction|clarification|editor['’]?s note)\s*:"
    r"|^(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4})|^all rights reserved\b"
    r"|^this material may not be published\b|^(?:most )?(?:stock )?(?:quote|market) data provided by\b"
    r"|^(?:subscribe|sign up|register) (?:to|for|now|today|here)\b|^(?:submit|send) (?:us )?your (?:letter|tips?|story)\b"
    r"|^(?:please )?(?:share|send) (?:us )?your (?:videos?|photos?|pictures|stories|story|experiences?|tips?)\b"
    r"|^loading\b[^.]{0,30}(?:\.\s*\.\s*\.|…)\s*$"
    r"|^for (?:a |an )?(?:graphic|interactive|factbox|timeline|chart|table|map|multimedia|full coverage)\b"
    r"|\bcopyright\s*(?:©|\(c\))?\s*\d{4}\b|\ball rights reserved\b|\band its licensors\b"
    r"|^(?:market|quote|stock) (?:data|indices|quotes)\b.{0,60}\b(?:provided by|delayed|shown in real time)\b"
    r"|\bquotes? (?:are )?delayed (?:at least |by )?\d+ minutes\b|^all times are [A-Z]{2,4}\b"
    r"|^terms under which this service is provided\b"
    r"|^(?:tell us|let us know|contact us|we['’]?d (?:like|love) to hear from you|share your (?:thoughts|views))\b"
    r"|^we (?:want|would (?:like|love)|['’]d (?:like|love)) to hear (?:from you|what you think|your)\b"
    r"|^(?:submit|send|write) (?:us )?a letter to the editor\b|^follow us\s*(?::|$)"
    r"|^(?:[-•·*]\s*)?(?:share|tweet|post) (?:this |it )?(?:on|to|via) (?:" + _NETWORKS + r"|email|whatsapp|reddit)\.?$"
    r"|^this (?:version|story|article) corrects\b|^check (?:it|them|this) out here\b"
    r"|^\*\s*(?:this|an earlier version of)\b[^.]{0,40}\b(?:article|story|sentence|piece|post)\b"
    r"|\bthis (?:sentence|paragraph) (?:has been|was) (?:updated|corrected|changed)\b"
    r"|\bwhich owns this (?:site|website|publication|newspaper|magazine|station)\.?$"
    r"|^this is a modal window\b|^this modal can be closed\b|^(?:beginning|end) of dialog window\b"
    r"|^(?:[-•·*]\s*)?(?:captions|subtitles|descriptions|chapters|audio track)(?: (?:off|settings))?,? selected\b"
    r"|^(?:[-•·*]\s*)?(?:captions|subtitles|descriptions) (?:off|settings)$|^(?:[-•·*]\s*)?chapters$"
    r"|^(?:[-•·*]\s*)?default,? selected$|^close modal dialog\b"
    r"|^sound off (?:below|in the comments)\b|^(?:h/t|hat tip)\b|\bissue (?:is )?(?:on|hits) newsstands\b"
    r"|\bcheck out the (?:footage|video|clip|gallery|photos|trailer) (?:below|above)\b"
    r"|^(?:you can (?:also )?)?get in touch\b|\bif you are willing to speak to\b|\bcan['’]?t see the form\b"
    r"|\b(?:in|to) the comments(?: section)?(?: below)?\b|\bour approach to external linking\b"
    r"|\bnot responsible for the content of external\b|^thanks? (?:you )?for reading\b"
    r"|^[^.]{0,120}\b(?:writers?|reporters?|correspondents?|staff|bureau)\b[^.]{0,80}\bcontributed\.?$"
    r"|^(?:like|enjoy|enjoying|love) what you['’]?re reading\b|^subscribe\.?$"
    r"|^this (?:is a )?(?:developing|breaking)(?: news)? story\b|^this (?:story|article) is (?:developing|breaking)\b"
    r"|^check back (?:later |soon )?for (?:updates|more)\b"
    r"|^sorry,? this (?:video|content|page)\b|\bthis video (?:can ?not|cannot) be played\b"
    r"|\b(?:click|tap) here\b|^(?:to (?:see|read|learn) more|for more(?: information| details)?),? "
    r"(?:visit|see|go to|click)\b"
    r"|^(?:watch|listen to|see|view) (?:the |our |this )?(?:full |latest |live )?"
    r"(?:video|podcast|clip|gallery|photos|interview|episode|broadcast|livestream)\b"
    r"|^read (?:the|her|his|their|our) (?:full|entire|complete) [\w ]{1,30}\b(?:here|below|above)\.?$"
    r"|^(?:download|get) (?:the|our) [\w'’ ]{0,30}\bapp\b|^(?:check out|don'?t miss|never miss) (?:our|the latest)\b"
    r"|^for (?:the latest|more)\b[^.]{0,60}\b(?:visit|see|go to|follow|read|click|download|sign up) "
    r"(?:our|the|this|us|www|https?)\b"
    r"|\bfeel free to (?:send|contact|write|e-?mail|call) us\b"
    r"|\bsend us your (?:comments|letters?|views|feedback|criticisms)\b"
    r"|\bnever miss (?:our|a|the) (?:top |latest |best )?(?:stories|story|news|updates)\b|\bfree sign up\s*$"
    r"|\bby downloading (?:our|the) [\w'’ ]{0,30}\bapps?\b|^this (?:content|video|embed) is (?:not|no longer|un)"
    r"\s?available\b|\byour (?:privacy|cookie) (?:preferences|settings)\b"
    r"|\bour advertis(?:ers?|ing policy|er disclosure)\b|^(?:like|liked|enjoy|enjoyed) this (?:story|article)\b"
    r"|\bthis (?:story|article|post|report) (?:has been|was) (?:updated|corrected)\b"
    r"|\b(?:views|opinions) expressed (?:in this [\w ]{1,20} )?are (?:those of|solely)\b"
    r"|^(?:have|got|do you have) (?:a |any )?(?:news )?(?:tips?|story|story ideas?)\b[^.]{0,60}\?$"
    r"|^please consider (?:supporting|subscribing|donating|a donation)\b"
    r"|^our (?:journalism|reporting|newsroom|work) (?:needs|depends on|relies on) (?:your|readers|the support)\b"
    r"|^we use cookies\b|^thanks? (?:you )?for (?:subscribing|signing up|registering)\b|^please try again\b[^.]{0,10}$"
    r"|^want (?:more|the latest) (?:stories|news|updates|articles|coverage)\b"
    r"|^(?:(?:watch|see) the )?(?:video|videos|photos?|gallery) (?:above|below)\.?$"
    r"|\b(?:start|begin) your [\w ]{0,30}\bsubscription\b|^by subscribing\b|\byou have reached your (?:limit|maximum)\b"
    r"|^this (?:article|story|content) is (?:reserved|available|exclusive) (?:for|to) (?:subscribers|members)\b"
    r"|\b(?:read|access|available)\b[^.]{0,40}\be-?paper\b|\be-?paper\b[^.]{0,40}\b(?:anytime|anywhere|available)\b"
    r"|^support (?:local|independent|quality|our|trusted) (?:journalism|news|reporting)\b"
    r"|\bjournalism is more (?:crucial|important|vital|essential|needed) than ever\b"
    r"|\b(?:we will|we['’]ll) never (?:share|sell) your\b|\byou agree to (?:our|the) (?:privacy|terms|cookie)"
    r"|\bunsubscribe at any time\b|\benable javascript\b|^comments (?:are|have been) (?:closed|disabled)\b"
    r"|^\(?opens in (?:a )?new (?:tab|window)\)?\.?$"  # a link's label for screen readers
    r"|(?:^|[·|]\s*)(?:posted|updated|update|published|last updated|first published)\s*"
    r"(?::\s*(?:on\s+)?(?:" + _WEEKDAY + r",?\s+)?(?:" + _MONTH + r"|\d)"
    r"|\s+(?:on\s+)?(?:" + _WEEKDAY + r",?\s+)?(?:" + _MONTH + r")\s+\d)",
    re.IGNORECASE,
)

# A promo line never reports speech: "Follow us on Twitter, the minister told reporters" is news.
REPORTED_SPEECH = re.compile(r"\b(?:said|says|told|tells|asked|added|according to)\b")

# "Jane Doe reported from London.": the reporter's credit at the foot of a story.
REPORTED_FROM = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:and (?:[A-Z][\w.'’-]+ ){1,3})?reported from [A-Z][\w .,'’-]{0,60}\.?$")

# A dateline left alone on its line: "WASHINGTON —", "NEW YORK (AP) —", "(Reuters)".
DATELINE_ALONE = re.compile(
    r"^(?=[^a-z]*[A-Z]{2})[A-Z][A-Z.,'’ /-]*(?:\s*\([A-Za-z ]{2,20}\))?\s*(?:--|[-–—])$"
    r"|^\((?:AP|Reuters|AFP|CNN|Bloomberg|UPI|Xinhua)\)\s*(?:--|[-–—])?$"
)

# A link label alone on its line: "Watch:", "More: The Fed's next move", "READ MORE: ...".
LINK_LABEL_PREFIX = re.compile(
    r"^(?:watch|listen|video|audio|more|read|also read|read also|recommended|podcast|gallery|photos"
    r"|live updates|explore|related|see also)\s*:",
    re.IGNORECASE,
)

# One slide of a photo gallery flattened into the story: "- 6/50 City for sale London City Airport was ...".
GALLERY_SLIDE = re.compile(r"^(?:[-•·*]\s*)?(\d{1,3})\s*/\s*(\d{1,3})\s+[A-Z“\"‘']")

# A link to another story under a label that never opens prose, however long the title after it:
# "Related: Check out this article on ...", "Read more: ...".
RELATED_LINK = re.compile(r"^(?:related|read more|also read|read also|see also|recommended|more on this(?: story)?)"
                          r"\s*:\s*\S", re.IGNORECASE)

# Caption conventions the older patterns miss: BBC "Media caption" and "Image copyright",
# "Featured image by", "Photos by", a caption ending in an NYT-style "Credit Name/Agency".
CAPTION_START = re.compile(
    r"^\[(?:Featured|Top|Header|Lead|Main|Cover) (?:image|photo|photograph)\s*(?:by\b|:)[^\]]*\]$"
    r"|^(?:(?:Media|Video) caption\b|Image copyright\b|(?:Featured|Top|Header|Lead|Main|Cover) "
    r"(?:image|photo|photograph|illustration)\s*(?:by\b|:)|Photos by\b)",
    re.IGNORECASE,
)
CREDIT_WORD_AT_END = re.compile(
    r"[.!?”]\s+Credit:?\s+[A-Z][^.:]{0,80}(?:/|Getty|Reuters|Associated Press|Agence|Pool|Shutterstock"
    r"|EPA|for The|via)[^.:]{0,60}$"
)

# A photo credit closing a caption line, in the forms the credit line takes on news pages:
# "(Image: Kent Police)", "Credit: PA Wire", "Source: Twitter", "Photo / Supplied", "AAP Image/Jane Doe",
# "© Kent Police", "(Getty)", "Getty Images", "JANE DOE/THE TIMES", "[Jane Doe/The Times]", "(Kent Police)".
_CAPWORDS = r"(?:[A-Z][\w'’&.-]{0,30})(?:\s(?:[A-Z][\w'’&.-]{0,30}|of|and|for|the|via)){0,7}"  # bounded: no backtracking
CAPTION_CREDIT_END = re.compile(
    r"\((?:Image|Picture|Pic|Photo|Photograph|Source|Credit|Video|Footage)s?\s*:\s*[^()]{1,60}\)\s*$"
    r"|(?:^|[.!?”)]\s*|\s)(?:Credit|Source|Photographer|Photographs?|Pictures?|Pics?|Photos?|Images?)\s*:\s*"
    r"(?:[A-Z@]|\w+/)[^.:]{0,60}$"
    r"|\b(?:Photo|Image|Picture|Pic)s?\s*/\s*" + _CAPWORDS + r"\s*$"
    r"|\b[A-Z]{2,5}\s+(?:Image|Photo|Pic)s?\s*/\s*" + _CAPWORDS + r"\s*$"
    r"|[.!?”]\s+©\s*" + _CAPWORDS + r"\s*$"
    r"|\((?:Getty(?: Images)?|PA(?: Wire| Media)?|EPA|Shutterstock|Alamy|AAP|Supplied|Handout|File"
    r"|iStock(?:photo)?)\)\s*$"
    r"|[.!?”]\s+(?:Getty Images|Getty|Supplied|Handout|PA Wire|PA Media|iStock(?:photo)?|Shutterstock)\.?\s*$"
    r"|[.!?”]\s+\[?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*" + _CAPWORDS + r"\]?\s*$"
    r"|[.!?”]\s+\((?=[^)]*[a-z])(?!(?:Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|Interfax)\))"
    r"(?:[A-Z][\w'’&.-]*\s?){1,4}\)\s*$"  # not a reporter's initials, "(BA)", nor a wire's name
    r"|[.!?”]\s+(?:BY|By|Photo by|PHOTO BY)\s+[A-Z][A-Z.'’&]*(?:\s+[A-Z][A-Z.'’&]*){0,6}\s*$"  # "By U.S. CUSTOMS"
)

# A topic tag in the list that closes a page: a bullet and a few words, no
# figure, no sentence punctuation.
TOPIC_TAG = re.compile(r"^[-•·*]\s+[^\W\d_][^\d.!?:;,]{0,40}$")

# A question put to the reader, next to an appeal for their photos or stories.
READER_QUESTION = re.compile(r"^(?:(?:are|were|have|has|did|do|is|was|can|will)\b[^?]*\byou\b|what do you think|want to\b)"
                             r"[^?]*\?$",
                             re.IGNORECASE)

# An item of a promo link list: "- A SIMPLE GUIDE: How do I protect myself?", "- VIDEO: The hand wash".
PROMO_LINK_ITEM = re.compile(r"^[-•·*]\s+[A-Z][A-Z0-9 '’&-]{2,30}:\s")

# A figure glued to its label, as an infographic reads once flattened: "33%of those hospitalised ...".
INFOGRAPHIC_FIGURE = re.compile(r"^(?:[-•·*]\s+)?\d[\d,.]*%[a-z]{2,}")

# The label that may close a pull quote's line: "... one way or another. A close Trump associate".
SPEAKER_LABEL_AT_END = re.compile(r"(?<=[.!?”\"])\s+[A-Z][^.!?]{0,40}$")

# A teaser for another story, cut short, often with its link: "The competition which is for teams in
# the...", "... a very serious blow was delivered... more".
TEASER_CUT = re.compile(r"(?:\b(?:the|a|an|of|to|and|or|in|on|for|with|at|by|from|that|which|who|is|was|are|were)"
                        r"\s*(?:\.{3}|…)|(?:\.{3,4}|…)\s*(?:more|read more|continue reading)\s*[»›]?)\s*$",
                        re.IGNORECASE)

# Contact lines and notes to readers who write in: "Contact: 624-6456; ...", "Or by Email: [email protected]",
# "If the letter you sent was not published, ... please contact us by phone or email."
CONTACT_LINE = re.compile(r"^(?:or )?(?:contact|by e-?mail|e-?mail|tel|phone|telephone|fax|whatsapp)\s*:"
                          r"|\[email\s*protected\]|\bplease contact us by (?:phone|e-?mail|telephone)\b",
                          re.IGNORECASE)

# A wire credit closing a story, after a dash: "— With files from The Canadian Press", "— The Associated Press".
DASH_CREDIT = re.compile(r"^(?:--|[—–-])\s*(?:with files from\b.{0,60}|(?:the )?(?:associated press|canadian press|"
                         r"reuters|afp|agence france-presse|bloomberg|xinhua|dpa|upi|press association|pa media)\.?)$",
                         re.IGNORECASE)

# How to reach the reporter: "Reach Jane Doe at 555-1234.", "Contact Tom Hale at thale@example.com".
REACH_LINE = re.compile(r"^(?i:reach|contact|e-?mail|call|write to) (?:(?:[A-Z][\w.'’-]+ ){1,3}"
                        r"|(?:her|him|them|me|us|the (?:author|writer|reporter)) )(?:at|on|via|by)\b"
                        r"[^.]{0,60}(?:@|\d{3}[-. ]\d{4})")

# A dateline cut off as a sentence of its own: "SOUTHWEST MIAMI-DADE, FLA." before "(WSVN) - An overnight ...".
DATELINE_SENTENCE = re.compile(r"^[A-Z][A-Z'’ -]{2,40}, [A-Z][A-Za-z]{1,12}\.?$")

# A reporter's initials closing a story: "(BA)".
INITIALS_CREDIT = re.compile(r"^\([A-Z]{2,4}\)$")

# A copyright notice opening a line, with whatever terms of reuse follow it in the same paragraph:
# "© 2022, The Daily. This article is the property of The Daily. Written permission must be obtained ...".
COPYRIGHT_OPENING = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\b(?!\s+(?:law|lawsuit|infringe|case|claim)))",
                               re.IGNORECASE)

# The box closing a story that says who wrote it and where to follow or write to them: a bio ("Jane Doe is a
# reporter for X covering ...") or contact details, beside a follow prompt.
LOOSE_BIO = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+ (?:is|was) (?:a|an|the|The) [\w ,.'’-]{0,40}?"
                       r"\b(?:reporter|correspondent|writer|editor|columnist|contributor|producer|journalist"
                       r"|photographer)\b")
HANDLE = re.compile(r"(?<![\w.])@\w{2,}")

# Letters of the Cyrillic script inside a Latin word ("Аdvеrtіѕе"): an advert spelt with look-alike letters so
# that filters miss it; news prose never mixes scripts within a word.
MIXED_SCRIPT_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04FF])\w+")
