"""Synthetic text for the benchmark hub: deterministic, varied, in four scripts.

Words are drawn with Zipf-like weights from vocabularies large enough that search
indexes and compression see something like real prose, not one sentence repeated.
Partner-city names are made of syllables that exist in Latin, Chinese and katakana
spelling alike, so that one city has a consistent name in every language.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass


def _vocabulary(text: str) -> list[str]:
    return text.split()


# Two-character Chinese words of the hub's field (cooperation, trade, culture, city life).
_ZH_WORDS = _vocabulary(
    """
合作 发展 交流 城市 友好 国际 经济 贸易 投资 企业 项目 协议 文化 教育 科技 创新 绿色
低碳 能源 交通 航空 物流 旅游 医疗 卫生 人才 青年 学者 工程 产业 园区 制造 研发 数字
智能 服务 金融 法律 生态 环境 农业 食品 体育 艺术 音乐 电影 图书 博物 展览 论坛 会议
代表 团队 市长 政府 部门 机构 大学 学院 学生 市民 社区 街道 公园 河流 山区 平原 港口
机场 铁路 航线 直飞 货运 班列 口岸 海关 签证 居留 许可 奖励 资金 补贴 政策 措施 方案
规划 目标 成果 经验 方式 领域 方面 机制 平台 渠道 网络 体系 结构 质量 效率 市场 消费
需求 供给 价格 品牌 产品 技术 设备 材料 标准 规则 制度 改革 开放 共享 共赢 携手 推动
深化 加强 促进 支持 鼓励 引导 探索 推进 落实 完善 提升 扩大 拓展 建设 打造 培育 举办
参加 签署 发布 启动 开通 设立 成立 召开 介绍 展示 分享 讨论 研究 学习 访问 考察 参观
接待 欢迎 感谢 希望 期待 认为 表示 今年 去年 明年 近年 未来 长期 持续 稳定 快速 全面
重点 重要 主要 积极 务实 广泛 密切 深入 充分 共同 双方 各方 多方 伙伴 友城 姐妹 缔结
周年 纪念 庆祝 活动 仪式 晚会 展演 比赛 课程 培训 讲座 工作坊
"""
)

_ZH_NUMBERS = ["3", "5", "12", "20", "29", "39", "100", "244", "1000", "2025年", "4月16日", "30%"]

_EN_WORDS = _vocabulary(
    """
the the the the of of of and and and to to in in a a for on with by from as at that this is are was
were be has have had will would can could its their our it they we city cities partner partners
cooperation development trade investment company companies project projects agreement agreements
culture education science technology innovation green energy transport air route flight logistics
tourism health talent young researchers engineers industry park manufacturing research digital smart
services finance law ecology environment agriculture food sport art music film library museum
exhibition forum conference delegation team mayor government office agency university college
students residents community district river mountain port airport railway freight customs visa
residence permit reward grant policy measures plan target results experience field area mechanism
platform network system quality efficiency market demand supply price brand product equipment
material standard rules reform opening shared joint mutual benefit promote deepen strengthen support
encourage explore advance improve expand build launch hold attend sign publish open set established
meet present showcase discuss study visit welcome thank hope expect said noted announced year years
next last recent future long term steady rapid full key important main active practical broad close
deep both sides parties friendship sister anniversary ceremony celebration performance competition
course training lecture workshop new first second third more most many several each every all other
such through between during after before since under over across about around against among within
without toward local regional national global international economic cultural social public private
small medium large Chengdu Sichuan China Europe Asia Africa America Oceania province capital west
western southwest
"""
)

_FR_WORDS = _vocabulary(
    """
le la les de des du et à en un une pour avec par sur dans que qui est sont a ont sera ville villes
partenaire partenaires coopération développement commerce investissement entreprise entreprises
projet accord accords culture éducation science technologie innovation vert énergie transport vol
ligne logistique tourisme santé talents jeunes chercheurs ingénieurs industrie parc recherche
numérique services finance droit environnement agriculture sport art musique film musée exposition
forum conférence délégation équipe maire gouvernement bureau université étudiants habitants quartier
fleuve montagne port aéroport visa séjour permis prime aide politique mesures plan objectif
résultats expérience domaine plateforme réseau marché demande produit norme réforme ouverture
partagé commun promouvoir renforcer soutenir encourager explorer améliorer élargir construire lancer
tenir signer publier ouvrir année années prochain dernier avenir durable important principal actif
pratique large étroit profond deux parties amitié jumelage anniversaire cérémonie nouveau premier
plus beaucoup chaque tous autres entre pendant après avant depuis local régional national mondial
international économique culturel social public privé
"""
)

_JA_WORDS = _vocabulary(
    """
協力 発展 交流 都市 友好 国際 経済 貿易 投資 企業 事業 協定 文化 教育 科学 技術 革新
環境 エネルギー 交通 航空 物流 観光 医療 人材 若者 研究者 技術者 産業 団地 製造
研究開発 デジタル サービス 金融 法律 生態 農業 スポーツ 芸術 音楽 映画 博物館 展示会
フォーラム 会議 代表団 市長 政府 部門 機関 大学 学生 市民 地域 公園 港 空港 鉄道
直行便 貨物 税関 ビザ 在留 許可 奨励金 補助金 政策 措施 計画 目標 成果 経験 分野
仕組み プラットフォーム ネットワーク 市場 消費 需要 製品 標準 改革 開放 共有 推進 強化
促進 支援 奨励 模索 拡大 建設 開催 参加 署名 発表 開始 設立 紹介 展示 議論 訪問 視察
歓迎 感謝 期待 今年 昨年 来年 将来 長期 継続 安定 重要 積極的 実務的 幅広い 緊密 双方
パートナー 姉妹都市 周年 記念 式典 公演 研修 講座 ワークショップ
"""
)

_JA_PARTICLES = ["は", "が", "を", "に", "で", "と", "の", "も", "へ", "から", "まで"]
_JA_ENDINGS = ["しました。", "します。", "されました。", "を進めています。", "が期待されます。", "を発表しました。"]

# Syllables with their Chinese and katakana spellings: names built from them read the
# same in every script, as transliterated place names do.
_SYLLABLES = [
    ("ka", "卡", "カ"), ("la", "拉", "ラ"), ("mo", "莫", "モ"), ("ri", "里", "リ"), ("sa", "萨", "サ"),
    ("to", "托", "ト"), ("ne", "内", "ネ"), ("vi", "维", "ヴィ"), ("ber", "伯", "ベル"), ("dan", "丹", "ダン"),
    ("go", "戈", "ゴ"), ("lin", "林", "リン"), ("mar", "马", "マル"), ("pol", "波", "ポル"), ("sen", "森", "セン"),
    ("ta", "塔", "タ"), ("um", "乌姆", "ウム"), ("ver", "韦", "ヴェル"), ("zo", "佐", "ゾ"), ("bri", "布里", "ブリ"),
    ("del", "德尔", "デル"), ("fa", "法", "ファ"), ("gra", "格拉", "グラ"), ("hel", "赫尔", "ヘル"),
    ("is", "伊斯", "イス"), ("kor", "科尔", "コル"), ("lu", "卢", "ル"), ("na", "纳", "ナ"), ("os", "奥斯", "オス"),
    ("ur", "乌尔", "ウル"), ("wen", "文", "ウェン"), ("ya", "亚", "ヤ"), ("mi", "米", "ミ"), ("no", "诺", "ノ"),
    ("ste", "斯特", "ステ"), ("bo", "博", "ボ"), ("ro", "罗", "ロ"), ("gan", "甘", "ガン"),
]


def _zipf_weights(count: int) -> list[float]:
    return [1.0 / (rank + 1) ** 0.9 for rank in range(count)]


@dataclass(frozen=True)
class Name:
    slug: str
    en: str
    zh: str
    ja: str


class Writer:
    """Every piece of text the generator needs, from one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._weights = {
            "zh": list(itertools.accumulate(_zipf_weights(len(_ZH_WORDS)))),
            "en": list(itertools.accumulate(_zipf_weights(len(_EN_WORDS)))),
            "fr": list(itertools.accumulate(_zipf_weights(len(_FR_WORDS)))),
            "ja": list(itertools.accumulate(_zipf_weights(len(_JA_WORDS)))),
        }
        self._names: set[str] = set()

    def _words(self, lang: str, count: int) -> list[str]:
        vocabulary = {"zh": _ZH_WORDS, "en": _EN_WORDS, "fr": _FR_WORDS, "ja": _JA_WORDS}[lang]
        return self.rng.choices(vocabulary, cum_weights=self._weights[lang], k=count)

    def name(self) -> Name:
        """A new place name, never given before."""
        while True:
            parts = self.rng.sample(_SYLLABLES, self.rng.randint(2, 3))
            latin = "".join(p[0] for p in parts)
            if latin not in self._names:
                self._names.add(latin)
                return Name(latin, latin.capitalize(), "".join(p[1] for p in parts), "".join(p[2] for p in parts))

    def sentence(self, lang: str, *, names: list[str] = ()) -> str:
        rng = self.rng
        if lang == "zh":
            words = self._words("zh", rng.randint(8, 18))
            if names and rng.random() < 0.3:
                words.insert(rng.randrange(len(words)), rng.choice(names))
            if rng.random() < 0.3:
                words.insert(rng.randrange(len(words)), rng.choice(_ZH_NUMBERS))
            cut = rng.randrange(3, len(words)) if len(words) > 6 else len(words)
            return "".join(words[:cut]) + "，" + "".join(words[cut:]) + "。"
        if lang == "ja":
            chunks = []
            for word in self._words("ja", rng.randint(4, 9)):
                chunks.append(word + rng.choice(_JA_PARTICLES))
            if names and rng.random() < 0.3:
                chunks.insert(0, rng.choice(names) + "は")
            return "、".join(["".join(chunks[:2]), "".join(chunks[2:])]) + rng.choice(_JA_ENDINGS)
        words = self._words(lang, rng.randint(9, 24))
        if names and rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(names))
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), str(rng.choice([3, 12, 29, 39, 244, 2025, 180])))
        text = " ".join(words)
        if len(words) > 12 and rng.random() < 0.5:
            text = " ".join(words[:8]) + ", " + " ".join(words[8:])
        return text[0].upper() + text[1:] + "."

    def paragraph(self, lang: str, sentences: int, *, names: list[str] = ()) -> str:
        glue = "" if lang in ("zh", "ja") else " "
        return glue.join(self.sentence(lang, names=names) for _ in range(sentences))

    def heading(self, lang: str) -> str:
        if lang == "zh":
            return "".join(self._words("zh", self.rng.randint(2, 4)))
        if lang == "ja":
            return "".join(self._words("ja", 2)) + "の" + self._words("ja", 1)[0]
        words = self._words(lang, self.rng.randint(2, 5))
        return " ".join(words).capitalize()

    def title(self, lang: str, city: str) -> str:
        if lang == "zh":
            return f"成都与{city}" + "".join(self._words("zh", 3)) + "，" + "".join(self._words("zh", 4))
        if lang == "ja":
            return f"成都と{city}" + "".join(self._words("ja", 2)) + "を" + self._words("ja", 1)[0]
        lead = {"en": "Chengdu and", "fr": "Chengdu et"}[lang]
        return f"{lead} {city}: " + " ".join(self._words(lang, 5))

    def summary(self, lang: str, *, names: list[str] = ()) -> str:
        return self.paragraph(lang, 2, names=names)
