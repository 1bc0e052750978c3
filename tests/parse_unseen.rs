//! Small editions of shapes the layout samples do not cover (issue 3's
//! check on unseen papers and extractors), under `tests/fixtures/parse/`.
//! Each paragraph was written first and then set in 14-character columns
//! the way an extractor gives them (each paragraph's first line two
//! characters short, its indent dropped; closing marks hung at the line
//! end), so the expected articles are the paragraphs as written.

#![allow(clippy::unwrap_used)]

#[path = "parse_common/shared.rs"]
mod shared;

use shared::{article, assert_articles, fixture};

#[test]
fn mutool_first_lines_set_apart_stay_in_their_paragraphs() {
    assert_articles(
        &fixture("mutool_first_lines.txt"),
        &[
            article(
                &["全市科技创新大会召开"],
                Some("本报讯 7月26日"),
                None,
                &[
                    "本报讯 7月26日，市委召开全市科技创新大会，总结去年以来的科技创新工作，部署下一阶段重点任务。",
                    "会议指出，要坚持把创新作为第一动力，加快建设具有全球影响力的产业科技创新高地。",
                    "会议强调，要强化企业创新主体地位，推动更多科技成果转化落地。",
                ],
            ),
            article(
                &["日本多地发布高温预警"],
                Some("据新华社东京7月25日电"),
                None,
                &[
                    "据新华社东京7月25日电 日本气象厅25日发布高温预警，东京等地最高气温预计将超过三十八摄氏度。",
                    "气象部门提醒民众减少外出，注意防暑降温。",
                ],
            ),
        ],
    );
}

#[test]
fn xinhua_edition_reads_kickers_subtitles_and_own_line_closings() {
    assert_articles(
        &fixture("xinhua.txt"),
        &[
            article(
                &[
                    "奋力谱写中国式现代化新篇章——",
                    "新年贺词在海内外引发热烈反响",
                    "——各界表示将以实干迎接新的一年",
                ],
                Some("新华社北京12月31日电（记者 李明 王芳）"),
                None,
                &[
                    "新华社北京12月31日电（记者 李明 王芳）国家主席的新年贺词在海内外引发热烈反响。各界人士表示，将以更加昂扬的姿态迎接新的一年。",
                    "许多受访者说，贺词温暖人心、催人奋进，让人对未来充满信心。",
                ],
            ),
            article(
                &["全国铁路迎来元旦出行高峰"],
                Some("新华社北京12月31日电"),
                None,
                &[
                    "新华社北京12月31日电 记者从国铁集团获悉，元旦假期全国铁路预计发送旅客超过五千万人次，各地车站加开临时列车。",
                    "铁路部门提醒旅客合理安排行程，提前购票。",
                ],
            ),
            article(
                &["冬季运动会筹备工作全面展开"],
                None,
                Some("新华社哈尔滨12月31日电"),
                &[
                    "记者从组委会获悉，冬季运动会各项筹备工作正在有序推进，场馆建设已经基本完成。",
                    "组委会表示，将为各国运动员提供优质服务。",
                ],
            ),
        ],
    );
}

#[test]
fn pdftotext_text_without_blank_lines_splits_paragraphs_and_articles() {
    assert_articles(
        &fixture("tight.txt"),
        &[
            article(
                &["市政府召开常务会议"],
                Some("本报讯 1月3日"),
                Some("记者 陈静"),
                &[
                    "本报讯 1月3日，市政府召开常务会议，研究部署今年一季度经济工作和安全生产工作。",
                    "会议要求，各地各部门要抓好项目建设，确保实现开门红。",
                ],
            ),
            article(
                &["老旧小区改造惠及万户居民"],
                Some("本报讯（记者 刘洋）"),
                None,
                &[
                    "本报讯（记者 刘洋）今年以来，我市加快推进老旧小区改造，已有一万多户居民从中受益。",
                    "改造内容包括加装电梯、修缮屋顶和整治地下管网等。",
                ],
            ),
            article(
                &["湿地公园正式开放"],
                None,
                Some("周敏 通讯员 吴凡"),
                &[
                    "经过两年建设，城市西部的湿地公园日前正式向市民开放，园内种植了上百种水生植物。",
                    "公园管理处表示，将定期举办自然科普活动。",
                ],
            ),
        ],
    );
}

#[test]
fn hong_kong_page_with_corner_quotes_and_small_commas() {
    let e = fixture("hk_traditional.txt");
    assert_articles(
        &e,
        &[
            article(
                &["立法會通過交通新例"],
                Some("本報訊（記者 陳嘉欣）"),
                None,
                &[
                    "本報訊（記者 陳嘉欣）立法會昨日三讀通過「公共交通改善條例」﹐政府將於明年起分階段推行﹔市民普遍表示歡迎。",
                    "運輸署發言人表示﹐新條例有助提升服務質素。",
                ],
            ),
            article(
                &["巴士班次將增加"],
                None,
                Some("記者 黃志明"),
                &[
                    "「我們希望市民多用公共交通。」署長在記者會上說﹐當局會增加巴士班次。",
                    "有關措施預計下月公布。",
                ],
            ),
        ],
    );
    assert_eq!(e.pages[0].label.as_deref(), Some("A3 港聞"));
}

#[test]
fn cleaned_text_with_short_headlines_and_no_blank_lines_splits_articles() {
    assert_articles(
        &fixture("cleaned_news.txt"),
        &[
            article(
                &["全省春耕生产全面展开"],
                Some("本报讯（记者 王磊）"),
                None,
                &[
                    "本报讯（记者 王磊）连日来，全省各地抢抓农时，春耕生产全面展开。",
                    "农业部门组织技术人员深入田间地头，指导农民科学施肥。",
                    "据统计，全省已完成春播面积三百万亩。",
                ],
            ),
            article(
                &["地铁三号线开通运营"],
                Some("本报讯 3月28日"),
                Some("李娜"),
                &[
                    "本报讯 3月28日，地铁三号线正式开通运营，全线设站二十个。",
                    "市民乘坐地铁出行将更加便捷。",
                ],
            ),
            article(
                &["图书馆推出夜间阅读服务"],
                None,
                None,
                &[
                    "为满足市民阅读需求，市图书馆自本月起推出夜间阅读服务。",
                    "读者可在晚间使用自习区和电子阅览室。",
                ],
            ),
        ],
    );
}
