//! Small hand-written editions under `tests/fixtures/parse/`, one per
//! shape of text, each with its exact expected articles worked out by hand.

#![allow(clippy::unwrap_used)]

#[path = "parse_common/shared.rs"]
mod shared;

use newsreader::edition::parse::parse;
use shared::{article, assert_articles, fixture};

/// The two city-news articles that `multipage.txt` (one above the other,
/// over two pages) and `layout.txt` (side by side) both set.
fn city_news() -> [shared::Expected; 2] {
    [
        article(
            &["城市书房延长开放时间"],
            Some("本报讯 7月26日"),
            Some("张三"),
            &[
                "本报讯 7月26日，记者从市文化局获悉，全市城市书房将从下月起延长开放时间，每天开放到晚上十点。",
                "市民可以凭借借书证免费入馆阅读，书房还将在周末举办读书活动。",
            ],
        ),
        article(
            &["蠡湖公园新增健身步道"],
            Some("本报讯 7月25日"),
            Some("王五"),
            &[
                "本报讯 7月25日，蠡湖公园新增了一条五公里长的健身步道，沿途设有休息点和饮水点，方便市民锻炼。",
            ],
        ),
    ]
}

#[test]
fn multi_page_edition_keeps_furniture_out_of_articles() {
    let e = fixture("multipage.txt");
    assert_articles(&e, &city_news());
    assert_eq!(e.pages.len(), 2);
    assert_eq!(e.title.as_deref(), Some("锡城日报"));
    assert_eq!(e.date.as_deref(), Some("2024年7月27日 星期六"));
    assert_eq!(e.pages[0].label.as_deref(), Some("第01版 要闻"));
    assert_eq!(e.pages[1].label.as_deref(), Some("第02版 综合新闻"));
    assert_eq!(
        e.pages[0].furniture,
        [
            "锡城日报",
            "2024年7月27日 星期六",
            "第01版",
            "要闻",
            "责任编辑：李四"
        ]
    );
    assert_eq!(
        e.pages[1].furniture,
        ["第02版", "综合新闻", "2024年7月27日 星期六", "3"]
    );
    assert_eq!(e.pages[1].articles.len(), 1);
}

#[test]
fn headline_far_from_its_body_attaches_by_content() {
    assert_articles(
        &fixture("headline_far.txt"),
        &[
            article(
                &["蠡湖公园新增健身步道"],
                Some("本报讯 7月25日"),
                Some("王五"),
                &[
                    "本报讯 7月25日，蠡湖公园新增了一条五公里长的健身步道，沿途设有休息点和饮水点，方便市民锻炼。",
                ],
            ),
            article(
                &["韩国企业落户高新区"],
                Some("本报讯 7月24日"),
                Some("赵六"),
                &[
                    "本报讯 7月24日，一家韩国企业与高新区签约，将在新区建设研发中心和生产基地，预计明年正式投产。",
                ],
            ),
        ],
    );
}

#[test]
fn every_dateline_and_byline_form_is_read() {
    assert_articles(
        &fixture("credits.txt"),
        &[
            article(
                &["城市书房延长开放时间"],
                Some("本报讯（记者 张三 通讯员 李四）"),
                None,
                &[
                    "本报讯（记者 张三 通讯员 李四）全市城市书房将从下月起延长开放时间。",
                    "市民可以凭借借书证免费入馆阅读。",
                ],
            ),
            article(
                &["新能源汽车销量创新高"],
                Some("本报北京3月5日电（记者 王五）"),
                None,
                &[
                    "本报北京3月5日电（记者 王五）今年前两个月，新能源汽车销量同比增长三成。",
                    "业内人士认为，这一势头将会持续。",
                ],
            ),
            article(
                &["国际合作项目在沪签约"],
                Some("新华社上海12月31日电（记者 赵六）"),
                None,
                &[
                    "新华社上海12月31日电（记者 赵六）一批国际合作项目今天在上海签约。",
                    "签约项目涉及能源和交通等领域。",
                ],
            ),
            article(
                &["东京举行新年活动"],
                Some("据新华社东京1月2日电"),
                None,
                &["据新华社东京1月2日电 日本各地民众1日参加新年活动。"],
            ),
            article(
                &["湖滨公园完成改造"],
                None,
                Some("孙七"),
                &["经过半年施工，湖滨公园完成改造并重新开放。"],
            ),
            article(
                &["全球气候大会闭幕"],
                None,
                Some("新华社北京12月31日电"),
                &["大会通过了多项决议，各方同意加强合作。"],
            ),
            article(
                &["太湖水质持续向好"],
                Some("本报无锡3月5日讯"),
                Some("记者 钱八"),
                &["本报无锡3月5日讯 今年以来，太湖水质持续向好。"],
            ),
        ],
    );
}

#[test]
fn cleaned_one_paragraph_per_line_text_keeps_paragraphs_whole() {
    assert_articles(
        &fixture("cleaned.txt"),
        &[
            article(
                &["城市书房延长开放时间"],
                None,
                None,
                &[
                    "全市城市书房将从下月起延长开放时间，每天开放到晚上十点。",
                    "市民可以凭借借书证免费入馆阅读，书房还将在周末举办读书活动。",
                ],
            ),
            article(
                &["新能源汽车销量创新高"],
                None,
                None,
                &["今年前两个月，新能源汽车销量同比增长三成。"],
            ),
        ],
    );
}

#[test]
fn jump_lines_join_the_halves_of_an_article() {
    let e = fixture("jump.txt");
    assert_articles(
        &e,
        &[article(
            &["城市书房延长开放时间"],
            Some("本报讯 7月26日"),
            Some("张三"),
            &[
                "本报讯 7月26日，记者从市文化局获悉，全市城市书房将从下月起延长开放时间，每天开放到晚上十点。市民可以凭借借书证免费入馆阅读。",
            ],
        )],
    );
    assert_eq!(e.pages[0].articles.len(), 1);
    assert!(e.pages[0].furniture.contains(&"（下转第2版）".to_owned()));
    assert!(e.pages[1].furniture.contains(&"（上接第1版）".to_owned()));
}

#[test]
fn captions_and_editors_notes_go_to_the_nearest_article() {
    let e = fixture("captions.txt");
    assert_articles(
        &e,
        &[article(
            &["城市书房延长开放时间"],
            Some("本报讯 7月26日"),
            Some("张三"),
            &[
                "本报讯 7月26日，记者从市文化局获悉，全市城市书房将从下月起延长开放时间，每天开放到晚上十点。",
            ],
        )],
    );
    let a = e.article(0).unwrap();
    assert_eq!(
        a.captions,
        [
            "编者按：城市书房是市民身边的文化空间。",
            "图为市民在城市书房阅读。（记者 周洁 摄）"
        ]
    );
}

#[test]
fn indented_first_lines_and_variant_punctuation_mark_paragraphs() {
    assert_articles(
        &fixture("indent.txt"),
        &[article(
            &["书房推出夜读活动"],
            Some("本报讯 7月26日"),
            Some("张三"),
            &[
                "本报讯 7月26日，全市城市书房推出夜读活动﹐市民可以报名参加。",
                "活动包括「夜读」和『亲子共读』两项﹔详情可以查询官网。",
            ],
        )],
    );
}

#[test]
fn english_ocr_gives_decks_datelines_bylines_and_whole_words() {
    let e = fixture("english.txt");
    assert_articles(
        &e,
        &[
            article(
                &["LUMBERMAN IS", "CRITICALLY ILL"],
                Some("Marshfield, Ore., March 16."),
                None,
                &[
                    "Marshfield, Ore., March 16.—C. R. Smith, millionaire lumberman of Menasha, Wis., is critically ill of a hemorrhage, according to a message received here today.",
                    "He is the largest individual holder of government land grants.",
                ],
            ),
            article(
                &[
                    "GREECE IN PROTEST",
                    "AT CONSULS' ARREST",
                    "Second Formal Objection Made",
                ],
                Some("WASHINGTON, Jan. 1."),
                Some("JOHN SMITH"),
                &[
                    "WASHINGTON, Jan. 1.—Greece has protested against the arrest of the consuls at Saloniki, which it terms a violation of its neutrality.",
                ],
            ),
        ],
    );
    // The hyphen of `hold-` / `er` was undone.
    assert_eq!(e.dropped, 1);
    assert_eq!(e.pages[0].furniture, ["ipsiTOTJ?:", "ri»"]);
    let deck = &e.article(1).unwrap().headline;
    assert_eq!(deck.title, ["GREECE IN PROTEST", "AT CONSULS' ARREST"]);
    assert_eq!(deck.subtitle, ["Second Formal Objection Made"]);
}

#[test]
fn headline_after_body_attaches_to_its_article() {
    assert_articles(
        &fixture("headline_after.txt"),
        &[
            article(
                &["城市书房延长开放时间"],
                None,
                Some("张三"),
                &[
                    "城市书房将从下月起延长开放时间，每天开放到晚上十点，市民可以凭借借书证免费入馆阅读，书房将在周末举办读书活动。",
                ],
            ),
            article(
                &["公园新增健身步道"],
                None,
                Some("王五"),
                &[
                    "公园里新增了一条五公里健身步道，沿途设有休息点和饮水点，方便市民锻炼身体，也方便游客在湖边散步和休息。",
                ],
            ),
            article(
                &["你今天读书了吗？"],
                Some("本报讯 7月24日"),
                Some("赵六"),
                &["本报讯 7月24日，全市今天启动全民阅读月活动，各区图书馆将推出一系列讲座和展览。"],
            ),
        ],
    );
}

#[test]
fn side_by_side_columns_are_read_as_separate_articles() {
    assert_articles(&fixture("layout.txt"), &city_news());
}

#[test]
fn run_in_subheads_stay_paragraphs_of_their_article() {
    assert_articles(
        &fixture("subhead.txt"),
        &[article(
            &["城市书房延长开放时间"],
            Some("本报讯 7月26日"),
            Some("张三"),
            &[
                "本报讯 7月26日，全市城市书房将从下月起延长开放时间。",
                "一、开放时间更长",
                "每天开放到晚上十点，周末全天开放。",
                "■ 服务更加丰富",
                "书房还将在周末举办读书活动。",
            ],
        )],
    );
}

#[test]
fn traditional_script_markers_are_read_like_simplified() {
    let e = fixture("traditional.txt");
    assert_articles(
        &e,
        &[article(
            &["城市書房延長開放時間"],
            Some("本報訊 7月26日"),
            Some("張三"),
            &[
                "本報訊 7月26日，記者從市文化局獲悉，全市城市書房將從下月起延長開放時間，每天開放到晚上十點。",
            ],
        )],
    );
    assert_eq!(e.title.as_deref(), Some("錫城日報"));
    assert_eq!(e.pages[0].label.as_deref(), Some("第01版 要聞"));
    assert_eq!(
        e.article(0).unwrap().captions,
        ["圖為市民在城市書房閱讀。（記者 周潔 攝）"]
    );
    assert!(e.pages[0].furniture.contains(&"責任編輯：李四".to_owned()));
}

#[test]
fn blank_page_keeps_its_number_and_a_final_form_feed_opens_no_page() {
    let e =
        parse("第01版\n城市书房延长开放时间。\n\u{c}\n\u{c}第03版\n公园新增健身步道。\n\u{c}\n");
    assert_eq!(e.pages.len(), 3);
    assert_eq!(e.pages[0].label.as_deref(), Some("第01版"));
    assert!(e.pages[1].articles.is_empty());
    assert_eq!(e.pages[2].number, 3);
    assert_eq!(e.pages[2].label.as_deref(), Some("第03版"));
}

#[test]
fn headline_read_between_the_columns_of_its_article_keeps_one_article() {
    // pdfminer reads a headline set over all columns after the first
    // column (`wuxi-d` page 2): the second column, starting a new
    // paragraph with no dateline, still belongs to the same article.
    let e = fixture("headline_between_columns.txt");
    assert_articles(
        &e,
        &[article(
            &["市人大常委会调研组来锡开展科研机构改革发展专题调研"],
            Some("本报讯 7月24日"),
            Some("林一"),
            &[
                "本报讯 7月24日，市人大常委会调研组一行来锡，就科研机构改革发展开展专题调研，市领导参加调研。",
                "调研组先后实地考察了产业园和实验室，了解产业发展、成果转化和机构设置等情况，听取意见建议。",
            ],
        )],
    );
}

#[test]
fn garbled_masthead_above_the_first_deck_is_page_furniture() {
    let e = fixture("english_masthead.txt");
    assert_articles(
        &e,
        &[article(
            &["MAYOR OPENS", "NEW BRIDGE", "Crowd Lines the River"],
            Some("Springfield, Ill., May 2."),
            None,
            &[
                "Springfield, Ill., May 2.—The mayor opened the new bridge over the river this morning.",
                "The bridge cost forty thousand dollars and took two years to build.",
            ],
        )],
    );
    assert_eq!(
        e.pages[0].furniture,
        [
            "x =?4444 3qa> HRtPqqbnq RrfbXp K",
            "*\"j Qmvw ZuuTpkkM ^uq? ===-:",
            "W ^ W ^ tDaily Avrrage, 8.25Q3: Monday, 61.J8K.",
        ]
    );
    // Only the hyphen of `dol-` / `lars` was dropped.
    assert_eq!(e.dropped, 1);
}
