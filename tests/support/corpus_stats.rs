//! Statistics and checks of issue 12's development corpus: the story files
//! `layoutgen/newsgen.py` lays out (`{"stories": [{"script", "headline",
//! "paragraphs", "credit"}], "photos": [...]}`, see its docstring).
//!
//! One copy of the logic, shared by `examples/corpus_stats.rs` (the
//! command) and `tests/corpus.rs` (the same checks in `cargo test`), each
//! pulling it in with `#[path = "…/tests/support/corpus_stats.rs"] mod
//! corpus_stats;`: a development tool, not part of the crate's API.
//!
//! Each story is sorted by script, dateline form, credit form and headline
//! form, and marked for the features a parser must meet (editor's notes,
//! paragraphs opening with `记者` or a name, short paragraphs,
//! enumerations, Latin words with digits). [`problems`] fails the corpus
//! when any of these varieties has fewer than [`MIN_VARIETY`] stories, or
//! when two stories share more than half their text ([`MAX_CONTAINMENT`]
//! of the smaller one's runs of [`NGRAM`] characters).

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

/// The least number of stories each variety needs.
pub const MIN_VARIETY: usize = 10;

/// Length of the character runs compared between stories.
pub const NGRAM: usize = 8;

/// Two stories sharing more than this share of the smaller one's
/// [`NGRAM`]-character runs are near-duplicates, which fails the corpus.
pub const MAX_CONTAINMENT: f64 = 0.5;

/// Pairs sharing at least this share are listed (but pass).
pub const LIST_CONTAINMENT: f64 = 0.2;

/// A paragraph shorter than this (non-whitespace characters) is short.
pub const SHORT_PARAGRAPH: usize = 25;

/// One story of a corpus file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Story {
    /// `simp` or `trad` (`simp` when absent, as newsgen reads it).
    #[serde(default)]
    pub script: Option<String>,
    /// One to three headline lines.
    #[serde(default)]
    pub headline: Vec<String>,
    /// The paragraphs; the first may open with a dateline.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Reporter names, a wire credit, or none.
    #[serde(default)]
    pub credit: Option<String>,
}

#[derive(Debug, Deserialize)]
struct CorpusFile {
    #[serde(default)]
    stories: Vec<Story>,
}

/// A story and where it came from (`train-1.json:12`).
#[derive(Debug, Clone)]
pub struct Entry {
    /// `FILE:INDEX`, the file by name.
    pub source: String,
    /// The story.
    pub story: Story,
}

/// Reads every story of the corpus files, in order.
///
/// # Errors
/// A file that cannot be read or is not a corpus file.
pub fn load(paths: &[impl AsRef<Path>]) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        entries.extend(parse(
            &path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            &text,
        )?);
    }
    Ok(entries)
}

/// The stories of one corpus file's text, named `NAME:INDEX`.
///
/// # Errors
/// Text that is not a corpus file.
pub fn parse(name: &str, text: &str) -> Result<Vec<Entry>, String> {
    let file: CorpusFile = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    Ok(file
        .stories
        .into_iter()
        .enumerate()
        .map(|(i, story)| Entry {
            source: format!("{name}:{i}"),
            story,
        })
        .collect())
}

/// How a story's first paragraph opens, in the forms newsgen knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dateline {
    /// `本报讯 …`
    Benbao,
    /// `本报北京12月31日电 …`, with or without `（记者…）`.
    BenbaoDian,
    /// `本报北京12月31日讯 记者张明报道：…`
    BenbaoXunReporter,
    /// `本报北京12月31日讯 …` with no reporter clause (listed, not required).
    BenbaoXunOther,
    /// `新华社北京12月31日电 …`
    Xinhua,
    /// `据新华社…电 …`
    JuXinhua,
    /// No dateline.
    None,
}

impl Dateline {
    /// Every form, in the order the report lists them.
    pub const ALL: [Dateline; 7] = [
        Dateline::Benbao,
        Dateline::BenbaoDian,
        Dateline::BenbaoXunReporter,
        Dateline::BenbaoXunOther,
        Dateline::Xinhua,
        Dateline::JuXinhua,
        Dateline::None,
    ];

    /// The form as the report names it.
    pub fn label(self) -> &'static str {
        match self {
            Dateline::Benbao => "本报讯",
            Dateline::BenbaoDian => "本报…电",
            Dateline::BenbaoXunReporter => "本报…讯 记者…报道",
            Dateline::BenbaoXunOther => "本报…讯 (no reporter)",
            Dateline::Xinhua => "新华社…电",
            Dateline::JuXinhua => "据新华社…电",
            Dateline::None => "none",
        }
    }

    /// True when the corpus needs [`MIN_VARIETY`] stories of this form.
    pub fn required(self) -> bool {
        self != Dateline::BenbaoXunOther
    }
}

/// The closing credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Credit {
    /// Reporter names (`张明 李华`).
    Names,
    /// A wire or bureau credit (`新华社`, `据新华社北京12月31日电`).
    Wire,
    /// None.
    None,
}

impl Credit {
    /// Every form, in report order.
    pub const ALL: [Credit; 3] = [Credit::Names, Credit::Wire, Credit::None];

    /// The form as the report names it.
    pub fn label(self) -> &'static str {
        match self {
            Credit::Names => "names",
            Credit::Wire => "wire",
            Credit::None => "none",
        }
    }
}

/// What one story offers a parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Features {
    /// `simp` or `trad`.
    pub script: String,
    /// The dateline form of its first paragraph.
    pub dateline: Dateline,
    /// Its credit form.
    pub credit: Credit,
    /// How many headline lines.
    pub headline_lines: usize,
    /// A `——` subtitle in some headline line.
    pub dash_subtitle: bool,
    /// A paragraph opening `编者按`.
    pub editors_note: bool,
    /// A paragraph opening `记者`/`記者`.
    pub reporter_paragraph: bool,
    /// A paragraph opening with a person's name (a common surname, one or
    /// two more characters, then a verb of saying or a comma).
    pub name_paragraph: bool,
    /// A paragraph under [`SHORT_PARAGRAPH`] characters.
    pub short_paragraph: bool,
    /// An enumeration (`一要…二要`, `一是…二是`, `第一，…第二，`, `（一）…（二）`, …).
    pub enumeration: bool,
    /// Latin words (two letters or more) and digits in the paragraphs.
    pub latin_digits: bool,
    /// Non-whitespace characters of the paragraphs.
    pub length: usize,
}

/// Traditional forms of the characters datelines and notes are made of,
/// mapped to simplified ones for matching.
fn simplify(c: char) -> char {
    match c {
        '報' => '报',
        '訊' => '讯',
        '電' => '电',
        '華' => '华',
        '記' => '记',
        '據' => '据',
        '導' => '导',
        '編' => '编',
        '專' => '专',
        _ => c,
    }
}

fn simplified(s: &str) -> String {
    s.trim().chars().map(simplify).collect()
}

/// The dateline form a first paragraph opens with.
pub fn dateline(first: &str) -> Dateline {
    let t = simplified(first);
    // `电` within the first characters, before any sentence punctuation.
    let wire = |rest: &str| {
        rest.chars()
            .take(24)
            .take_while(|c| !"，。：；".contains(*c))
            .any(|c| c == '电')
    };
    if let Some(rest) = t.strip_prefix("据新华社") {
        if wire(rest) {
            return Dateline::JuXinhua;
        }
    } else if let Some(rest) = t.strip_prefix("新华社") {
        if wire(rest) {
            return Dateline::Xinhua;
        }
    } else if let Some(rest) = t.strip_prefix("本报") {
        if rest.starts_with('讯') {
            return Dateline::Benbao;
        }
        let stop = rest
            .char_indices()
            .take(24)
            .find(|(_, c)| "讯电（：，。".contains(*c));
        match stop {
            Some((_, '电')) => return Dateline::BenbaoDian,
            Some((at, '讯')) => {
                let after = rest[at + '讯'.len_utf8()..].trim_start();
                let reporter = (after.starts_with("记者") || after.starts_with("本报记者"))
                    && after.chars().take(40).collect::<String>().contains("报道");
                return if reporter {
                    Dateline::BenbaoXunReporter
                } else {
                    Dateline::BenbaoXunOther
                };
            }
            _ => {}
        }
    }
    Dateline::None
}

/// The form of a credit.
pub fn credit(credit: Option<&str>) -> Credit {
    match credit.map(str::trim) {
        None | Some("") => Credit::None,
        Some(c) => {
            let c = simplified(c);
            if ["社", "电", "报", "网", "台", "综合", "据"]
                .iter()
                .any(|w| c.contains(w))
            {
                Credit::Wire
            } else {
                Credit::Names
            }
        }
    }
}

/// Common Chinese surnames, simplified and traditional (leaving out those
/// that open many ordinary words: 和, 明, 时, 全, 成, 文, …).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓吉缪简项芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂蔣盧鍾譚陸範賈韋鄒閆龍賀顧龔錢嚴湯溫龐顏聶魯嶽歐蘭紀淩畢塗騫駱藍遊鮑華饒項蘆麥婁竇費衛閔鄔邊師欒鞏";

/// Verbs of saying and the like that follow a name opening a paragraph.
const SAYING: [&str; 24] = [
    "说", "說", "表示", "介绍", "介紹", "告诉", "告訴", "认为", "認為", "指出", "坦言", "透露",
    "称", "稱", "回忆", "回憶", "感慨", "笑着", "笑著", "强调", "強調", "直言", "觉得", "覺得",
];

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A paragraph opening with a name: a surname, one or two more Han
/// characters, then a verb of saying or a comma.
fn opens_with_name(paragraph: &str) -> bool {
    let chars: Vec<char> = paragraph.trim().chars().collect();
    if chars.first().is_none_or(|c| !SURNAMES.contains(*c)) {
        return false;
    }
    (2..=3).any(|len| {
        chars.len() > len && chars[1..len].iter().all(|c| is_han(*c)) && {
            let rest: String = chars[len..].iter().take(3).collect();
            rest.starts_with('，') || SAYING.iter().any(|v| rest.starts_with(v))
        }
    })
}

/// Pairs whose first and second members both appear make an enumeration.
const ENUMERATIONS: [(&str, &str); 11] = [
    ("一要", "二要"),
    ("一是", "二是"),
    ("第一，", "第二，"),
    ("一、", "二、"),
    ("（一）", "（二）"),
    ("首先", "其次"),
    ("一方面", "另一方面"),
    ("一来", "二来"),
    ("一來", "二來"),
    ("1.", "2."),
    ("1、", "2、"),
];

fn has_latin_word(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c) {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

fn has_digit(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

fn non_space(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// What `story` offers.
pub fn features(story: &Story) -> Features {
    let paragraphs: Vec<String> = story.paragraphs.iter().map(|p| simplified(p)).collect();
    let body = paragraphs.concat();
    Features {
        script: story.script.clone().unwrap_or_else(|| "simp".to_owned()),
        dateline: story
            .paragraphs
            .first()
            .map_or(Dateline::None, |p| dateline(p)),
        credit: credit(story.credit.as_deref()),
        headline_lines: story
            .headline
            .iter()
            .filter(|h| !h.trim().is_empty())
            .count(),
        dash_subtitle: story.headline.iter().any(|h| h.contains("——")),
        editors_note: paragraphs.iter().any(|p| {
            p.trim_start_matches(['【', '［', '['])
                .starts_with("编者按")
        }),
        reporter_paragraph: paragraphs.iter().any(|p| p.starts_with("记者")),
        name_paragraph: story.paragraphs.iter().any(|p| opens_with_name(p)),
        short_paragraph: story
            .paragraphs
            .iter()
            .any(|p| non_space(p) < SHORT_PARAGRAPH),
        enumeration: ENUMERATIONS
            .iter()
            .any(|(a, b)| body.find(a).is_some_and(|at| body[at..].contains(b))),
        latin_digits: has_latin_word(&body) && has_digit(&body),
        length: story.paragraphs.iter().map(|p| non_space(p)).sum(),
    }
}

/// One variety and how many stories have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variety {
    /// `dateline: 本报讯`, `headline: 2 lines`, `editor's note`, …
    pub name: String,
    /// Stories with it.
    pub count: usize,
    /// Whether the corpus needs [`MIN_VARIETY`] of it.
    pub required: bool,
}

/// Two stories sharing text.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The one.
    pub a: String,
    /// The other.
    pub b: String,
    /// Shared [`NGRAM`]-character runs over the smaller story's.
    pub containment: f64,
}

/// Length bins of the histogram: upper bounds (exclusive) and labels.
const BINS: [(usize, &str); 7] = [
    (60, "under 60"),
    (200, "60–199"),
    (300, "200–299"),
    (800, "300–799"),
    (1400, "800–1399"),
    (2001, "1400–2000"),
    (usize::MAX, "over 2000"),
];

/// A corpus's statistics.
#[derive(Debug, Clone)]
pub struct Stats {
    /// Stories.
    pub articles: usize,
    /// Every variety counted, in report order.
    pub varieties: Vec<Variety>,
    /// Stories per length bin (paragraph characters).
    pub lengths: Vec<(&'static str, usize)>,
    /// Pairs sharing at least [`LIST_CONTAINMENT`], most shared first.
    pub near_duplicates: Vec<Pair>,
}

/// Counts the varieties, lengths and near-duplicate pairs of `entries`.
pub fn stats(entries: &[Entry]) -> Stats {
    let features: Vec<Features> = entries.iter().map(|e| features(&e.story)).collect();
    let count = |f: &dyn Fn(&Features) -> bool| features.iter().filter(|x| f(x)).count();
    let mut varieties = Vec::new();
    let mut add = |name: String, count: usize, required: bool| {
        varieties.push(Variety {
            name,
            count,
            required,
        });
    };
    for script in ["simp", "trad"] {
        add(
            format!("script: {script}"),
            count(&|f| f.script == script),
            true,
        );
    }
    for form in Dateline::ALL {
        add(
            format!("dateline: {}", form.label()),
            count(&|f| f.dateline == form),
            form.required(),
        );
    }
    for form in Credit::ALL {
        add(
            format!("credit: {}", form.label()),
            count(&|f| f.credit == form),
            true,
        );
    }
    for lines in 1..=3 {
        add(
            format!(
                "headline: {lines} line{}",
                if lines == 1 { "" } else { "s" }
            ),
            count(&|f| f.headline_lines == lines),
            true,
        );
    }
    add(
        "headline: —— subtitle".to_owned(),
        count(&|f| f.dash_subtitle),
        true,
    );
    add("editor's note".to_owned(), count(&|f| f.editors_note), true);
    add(
        "paragraph opening 记者".to_owned(),
        count(&|f| f.reporter_paragraph),
        true,
    );
    add(
        "paragraph opening with a name".to_owned(),
        count(&|f| f.name_paragraph),
        true,
    );
    add(
        format!("paragraph under {SHORT_PARAGRAPH} characters"),
        count(&|f| f.short_paragraph),
        true,
    );
    add("enumeration".to_owned(), count(&|f| f.enumeration), true);
    add(
        "Latin words and digits".to_owned(),
        count(&|f| f.latin_digits),
        true,
    );
    let lengths = BINS
        .iter()
        .enumerate()
        .map(|(i, &(upper, label))| {
            let lower = if i == 0 { 0 } else { BINS[i - 1].0 };
            (label, count(&|f| (lower..upper).contains(&f.length)))
        })
        .collect();
    Stats {
        articles: entries.len(),
        varieties,
        lengths,
        near_duplicates: near_duplicates(entries, LIST_CONTAINMENT),
    }
}

/// The distinct [`NGRAM`]-character runs of a story's headline and
/// paragraphs, whitespace left out.
fn ngrams(story: &Story) -> HashSet<Vec<char>> {
    let text: Vec<char> = story
        .headline
        .iter()
        .chain(&story.paragraphs)
        .flat_map(|s| s.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    text.windows(NGRAM).map(<[char]>::to_vec).collect()
}

/// Pairs of stories sharing at least `least` of the smaller one's runs,
/// most shared first.
pub fn near_duplicates(entries: &[Entry], least: f64) -> Vec<Pair> {
    let sets: Vec<HashSet<Vec<char>>> = entries.iter().map(|e| ngrams(&e.story)).collect();
    let mut holders: HashMap<&[char], Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for gram in set {
            holders.entry(gram.as_slice()).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for list in holders.values() {
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<Pair> = shared
        .into_iter()
        .filter_map(|((a, b), n)| {
            let smaller = sets[a].len().min(sets[b].len()).max(1);
            // Run counts are far below 2^52: exact in f64.
            #[allow(clippy::cast_precision_loss)]
            let containment = n as f64 / smaller as f64;
            (containment >= least).then(|| Pair {
                a: entries[a].source.clone(),
                b: entries[b].source.clone(),
                containment,
            })
        })
        .collect();
    pairs.sort_by(|x, y| {
        y.containment
            .total_cmp(&x.containment)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    pairs
}

/// What fails the corpus: each required variety under [`MIN_VARIETY`]
/// stories, each pair over [`MAX_CONTAINMENT`]; empty when it passes.
pub fn problems(stats: &Stats) -> Vec<String> {
    let mut problems: Vec<String> = stats
        .varieties
        .iter()
        .filter(|v| v.required && v.count < MIN_VARIETY)
        .map(|v| {
            format!(
                "{}: {} {}, fewer than {MIN_VARIETY}",
                v.name,
                v.count,
                if v.count == 1 { "story" } else { "stories" }
            )
        })
        .collect();
    problems.extend(
        stats
            .near_duplicates
            .iter()
            .filter(|p| p.containment > MAX_CONTAINMENT)
            .map(|p| {
                format!(
                    "{} and {} share {:.0}% of the smaller one's text (more than {:.0}%)",
                    p.a,
                    p.b,
                    100.0 * p.containment,
                    100.0 * MAX_CONTAINMENT
                )
            }),
    );
    problems
}

/// The statistics as text: varieties (`*` marks a required one that is
/// short), the length histogram, the near-duplicate pairs.
pub fn report(stats: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} stories", stats.articles);
    let _ = writeln!(out, "\nvarieties (each required one needs {MIN_VARIETY}):");
    for v in &stats.varieties {
        let mark = if v.required && v.count < MIN_VARIETY {
            "*"
        } else if v.required {
            " "
        } else {
            "-"
        };
        let _ = writeln!(out, " {mark} {:>5}  {}", v.count, v.name);
    }
    let _ = writeln!(out, "   (* under {MIN_VARIETY}; - listed only)");
    let _ = writeln!(out, "\nlength (paragraph characters):");
    let widest = stats
        .lengths
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    for (label, n) in &stats.lengths {
        let bar = "#".repeat((n * 40).div_ceil(widest));
        let _ = writeln!(out, "   {label:>10} {n:>5}  {bar}");
    }
    let _ = writeln!(
        out,
        "\nnear-duplicate pairs (sharing {:.0}% or more of the smaller one's {NGRAM}-character runs; over {:.0}% fails): {}",
        100.0 * LIST_CONTAINMENT,
        100.0 * MAX_CONTAINMENT,
        stats.near_duplicates.len()
    );
    for p in &stats.near_duplicates {
        let _ = writeln!(out, "   {:>5.1}%  {}  {}", 100.0 * p.containment, p.a, p.b);
    }
    out
}
