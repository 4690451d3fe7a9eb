"""Who points at what: the content that concerns each partner city, the opportunities
that each policy explainer stands behind, the articles that report on each event, and the
articles related to each article.

Language-independent, so it is worked out once per catalog (one pass over the records)
and then only looked up by the pages of every language.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from .catalog import Article, Catalog
from .models import Event, Opportunity
from .status import by_deadline, by_start

RELATED_LIMIT = 3  # related articles under an article


@dataclass
class CityLinks:
    """Everything that names one city, each list in the order its listing uses."""

    news: list[Article] = field(default_factory=list)  # newest first
    policies: list[Article] = field(default_factory=list)  # newest first
    events: list[tuple[str, Event]] = field(default_factory=list)  # by start
    opportunities: list[tuple[str, Opportunity]] = field(default_factory=list)  # by deadline

    @property
    def empty(self) -> bool:
        return not (self.news or self.policies or self.events or self.opportunities)


@dataclass(frozen=True)
class Relations:
    cities: dict[str, CityLinks]
    policy_opportunities: dict[str, list[tuple[str, Opportunity]]]  # policy slug -> by deadline
    news_topics: frozenset[str]  # topics with at least one article, i.e. with a news/topics/<id>/ page
    policies: dict[str, Article]  # explainer slug -> explainer
    event_articles: dict[str, list[Article]] = field(default_factory=dict)  # event id -> newest first
    topic_news: dict[str, list[Article]] = field(default_factory=dict)  # topic -> news, newest first

    def city(self, city_id: str) -> CityLinks:
        return self.cities.get(city_id) or CityLinks()

    def related(self, article: Article, limit: int = RELATED_LIMIT) -> list[Article]:
        """Up to `limit` news articles sharing a partner city or a topic with `article`,
        newest first, itself left out. Each list it draws from is newest first already,
        so the first `limit` + 1 of each are enough: a few look-ups per page, whatever
        the number of articles."""
        lists = [self.city(city_id).news for city_id in article.meta.cities]
        lists += [self.topic_news.get(topic, []) for topic in article.meta.topics]
        candidates = {id(other): other for items in lists for other in items[: limit + 1] if other is not article}
        return heapq.nlargest(limit, candidates.values(), key=Article.sort_key)


_cached: tuple[Catalog, Relations] | None = None


def relations(catalog: Catalog) -> Relations:
    """The relations of `catalog`, built on first use; one build has one catalog."""
    global _cached
    if _cached is None or _cached[0] is not catalog:
        _cached = (catalog, _build(catalog))
    return _cached[1]


def _build(catalog: Catalog) -> Relations:
    cities: dict[str, CityLinks] = {city_id: CityLinks() for city_id in catalog.cities}

    def links(city_id: str) -> CityLinks:
        return cities.setdefault(city_id, CityLinks())

    for article in catalog.news:  # already newest first
        for city_id in article.meta.cities:
            links(city_id).news.append(article)
    for article in catalog.policies:
        for city_id in article.meta.cities:
            links(city_id).policies.append(article)
    for event_id, event in sorted(catalog.events.items(), key=by_start):
        for city_id in event.cities:
            links(city_id).events.append((event_id, event))
    policy_opportunities: dict[str, list[tuple[str, Opportunity]]] = {}
    for opportunity_id, opportunity in sorted(catalog.opportunities.items(), key=by_deadline):
        for city_id in opportunity.cities:
            links(city_id).opportunities.append((opportunity_id, opportunity))
        if opportunity.policy is not None:
            policy_opportunities.setdefault(opportunity.policy, []).append((opportunity_id, opportunity))
    news_topics = frozenset(topic for article in catalog.news for topic in article.meta.topics)
    policies = {article.slug: article for article in catalog.policies}
    event_articles: dict[str, list[Article]] = {}
    topic_news: dict[str, list[Article]] = {}
    for article in catalog.news:  # newest first
        for topic in article.meta.topics:
            topic_news.setdefault(topic, []).append(article)
    for article in sorted(catalog.articles(), key=Article.sort_key, reverse=True):
        for event_id in article.meta.events:
            event_articles.setdefault(event_id, []).append(article)
    return Relations(cities, policy_opportunities, news_topics, policies, event_articles, topic_news)
