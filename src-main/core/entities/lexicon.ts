/**
 * Word lists the entity rules rely on. First names come from the human-names package (six
 * European languages) plus a supplement of names common in the regions news archives cover
 * that it lacks; the rest are the cue words a reader uses to tell a person from an organisation.
 */
import { createRequire } from 'node:module'

const NAME_FILES = ['en', 'de', 'fr', 'es', 'it', 'nl'].flatMap((l) => [`male-human-names-${l}.json`, `female-human-names-${l}.json`])

// Names the human-names lists miss (Arabic, Kurdish, Persian, Turkish, Russian, South Asian…).
const FIRST_NAME_SUPPLEMENT = `Abdel Abdul Abdulrahman Abdullah Abdallah Abbas Adel Adnan Ahmad Ahmed Akram Ali Amal Amer Amin Amina Amir Amjad Ammar
Anas Asma Assad Ayman Aziz Bakr Bashar Basma Bassam Bilal Dalia Dima Ekrem Emad Emine Fadi Faisal Farah Faris Farouk Fatima Fawaz Firas
Ghassan Habib Hadi Haider Haidar Hakim Hamid Hamza Hana Hanan Hani Haroun Hasan Hassan Hazem Hisham Hossein Hussein Husam Ibrahim Imad Iman Issa
Jalal Jamal Jamil Jihad Kamal Karim Khaled Khalid Khalil Laila Layla Leila Lina Luay Mahmoud Majid Malik Mansour Marwan Maryam Mazen Mehmet
Mohamed Mohammad Mohammed Muhammad Mohammad Mona Mounir Mustafa Nabil Nadia Nader Nasser Nawaf Nizar Noor Nour Nouri Omar Osama Qasim Rami
Rana Rashid Reem Rima Saad Saddam Said Saleh Salem Salim Salma Sami Samir Sara Sayed Shadi Suleiman Sultan Talal Tamer Tariq Tarek Wael Walid
Yasser Yasin Yassin Yousef Youssef Yusuf Zaid Zainab Zaki Ziad Zeinab Recep Tayyip Ahmet Mustafa Reza Javad
Vladimir Sergei Sergey Dmitry Dmitri Alexei Alexey Olga Svetlana Volodymyr Petro Yulia Oksana Narendra Rahul Priya Imran Nawaz Benazir Xi Li Wang`
  .split(/\s+/)
  .filter(Boolean)

let firstNames: Set<string> | undefined

/** Capitalised first names ("Lina", "Mohammed"). */
export function isFirstName(word: string): boolean {
  if (!firstNames) {
    const require = createRequire(import.meta.url)
    firstNames = new Set(FIRST_NAME_SUPPLEMENT)
    for (const f of NAME_FILES) for (const n of require(`human-names/data/${f}`) as string[]) firstNames.add(n)
  }
  return firstNames.has(word)
}

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean))

/** Words before a name that make it a person; folded, without the final dot. */
export const PERSON_TITLES = set(`mr mrs ms miss dr prof professor president gen general col colonel lt lieutenant maj major capt captain sgt
sergeant adm admiral sen senator rep gov governor mayor minister secretary chancellor king queen prince princess sheikh shaykh sheik imam ayatollah
rev reverend pope judge justice brigadier marshal ambassador commander emir caliph mullah mufti sultan premier vice deputy spokesman spokeswoman activist analyst`)

/** Last words that make a capitalised phrase an organisation. */
export const ORG_HEADS = set(`army front institute institution center centre observatory ministry council party committee agency bank university
college school academy group brigade brigades battalion battalions forces force movement company corporation corp inc ltd llc plc times post news
monitor press network commission organization organisation association union court department office police guard guards coalition alliance
foundation fund service services authority parliament assembly senate congress church hospital museum airlines airways media tv radio journal
telegraph herald tribune gazette review magazine daily federation league club society trust board bureau command directorate administration
regime caliphate unit units corps militia militias cabinet government jazeera`)

/** First words that make a capitalised phrase an organisation when followed by "of"/"for". */
export const ORG_STARTS = set(`ministry department university bank institute council office committee museum society league union federation
house court school college academy board bureau agency centre center party organization organisation commission foundation`)

/**
 * Nouns right before an unknown name that make it an organisation: news introduces companies and
 * groups by what they are ("grid operator Ukrenergo", "arms maker Rheinmetall", "militant group …").
 */
export const ORG_APPOSITION = set(`company firm operator maker carmaker automaker chipmaker drugmaker planemaker steelmaker shipbuilder
manufacturer group conglomerate lender insurer carrier airline broadcaster utility retailer miner producer supplier contractor developer
startup start-up subsidiary regulator watchdog charity`)

/** "shares in X", "stake in X": X is a company. */
export const SHARE_WORDS = set(`shares stake stakes stock`)

/** Words right before a name that make it a place. */
export const PLACE_CUES = set(`town city village province provinces region district governorate capital suburb suburbs outskirts neighbourhood
neighborhood border borders countryside state`)

/** First words of place names ("Port Sudan", "Mount Sinjar", "Lake Chad"), when the rest is unknown. */
export const PLACE_STARTS = set(`port fort mount lake cape gulf`)

/**
 * Plural nouns for groups of people that open sentences before a speech verb ("Residents said",
 * "Witnesses told…"): capitalised there, but never a person's name on their own.
 */
export const GROUP_NOUNS = set(`residents witnesses officials activists analysts sources police troops soldiers rebels militants protesters
locals villagers doctors medics experts critics diplomats observers authorities investigators prosecutors lawyers relatives families
survivors refugees workers students teachers farmers fishermen civilians citizens voters supporters opponents neighbours neighbors
journalists reporters researchers scientists engineers officers commanders fighters gunmen insurgents parents
organisers organizers participants passengers shoppers traders merchants firefighters rescuers paramedics nurses volunteers`)

/** Words right after a name that make it a place ("Raqqa province"). */
export const PLACE_AFTER = set(`province governorate city town village district region countryside`)

/** Speech verbs: "X said", "said X" make X a person. */
export const SPEECH_VERBS = set(`said says told added explained noted wrote argued claimed stated insisted warned recalled acknowledged admitted
asked replied declared announced tweeted`)

/** Capitalised words that are never entities on their own (calendar words, sentence openers, honorifics). */
export const NEVER_ALONE = set(`january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday today yesterday tomorrow spring summer autumn fall winter the a an in on at of for and but or if when while this
that these those his her its their our my your we they he she it i you most many some several such mr mrs ms dr god allah islam islamic muslim
muslims christian christians arab arabs kurdish turkish british french german american russian iranian israeli palestinian saudi afghan chechen european asian african sunni sunnis shia shiite shiites kurd kurds western eastern northern southern west east north south
photo photos image video getty images caption file advertisement subscribe update updated editor note share read more related
breaking analysis opinion comment`)
// (GROUP_NOUNS below are never entities alone either; kept apart because they are a reason of their own)

/** All-caps words that are not named entities. */
export const ACRONYM_STOP = set(`ceo cfo tv gdp pdf ok am pm usd eur gbp bc ad id it dna hiv aids covid cctv vip faq rpg ied ieds tnt ak mp mps
pr hq rip lol omg nb ps est gmt utc km kg mph ft fm sms gps ngo ngos`)
