package io.playmark.query.asset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.playmark.kernel.asset.AssetSearchFilter;
import io.playmark.kernel.asset.AssetSort;
import io.playmark.kernel.asset.SearchAssetsQuery;
import io.playmark.kernel.asset.Tag;
import io.playmark.query.search.VersionedIndex;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.playmark.query.search.VersionedIndex.call;

/**
 * The media library's search, through the alias {@value #ALIAS}: full text on title, description, tags and file
 * name; filters and facets on the fields of {@link AssetFacet.Field}. Each facet counts the result of every filter
 * but its own, so that a user who picked one kind still sees how many assets the other kinds have.
 */
@Component
public class AssetSearchIndex {

    public static final String ALIAS = "assets";
    private static final String INDEX = "assets-v1";
    private static final int FACET_SIZE = 50;
    private static final int FOLDERS = 1000;

    private final VersionedIndex<AssetSearchDocument> index;

    public AssetSearchIndex(ElasticsearchClient client) {
        this.index = new VersionedIndex<>(client, ALIAS, INDEX, AssetSearchDocument.class, m -> m
                .properties("id", p -> p.keyword(k -> k))
                .properties("title", p -> p.text(t -> t))
                .properties("titleSort", p -> p.keyword(k -> k))
                .properties("description", p -> p.text(t -> t))
                .properties("fileName", p -> p.text(t -> t))
                .properties("folder", p -> p.keyword(k -> k))
                .properties("folderPaths", p -> p.keyword(k -> k))
                .properties("tags", p -> p.text(t -> t.fields("keyword", f -> f.keyword(k -> k))))
                .properties("kind", p -> p.keyword(k -> k))
                .properties("status", p -> p.keyword(k -> k))
                .properties("approval", p -> p.keyword(k -> k))
                .properties("sizeBytes", p -> p.long_(l -> l))
                .properties("storedBytes", p -> p.long_(l -> l))
                .properties("durationMillis", p -> p.long_(l -> l))
                .properties("resolutionClass", p -> p.keyword(k -> k))
                .properties("orientation", p -> p.keyword(k -> k))
                .properties("durationRange", p -> p.keyword(k -> k))
                .properties("playableProfiles", p -> p.keyword(k -> k))
                .properties("playable", p -> p.boolean_(b -> b))
                .properties("createdAt", p -> p.date(d -> d))
                .properties("version", p -> p.long_(l -> l))
                // kept to answer hits and to apply the next event to, never searched
                .properties("asset", p -> p.object(o -> o.enabled(false))));
    }

    void ensureExists() {
        index.ensureExists();
    }

    void recreate() {
        index.recreate();
    }

    void put(AssetView view, boolean visibleAtOnce) {
        index.put(view.id(), AssetSearchDocument.of(view), view.version(), visibleAtOnce);
    }

    void delete(String id, long version, boolean visibleAtOnce) {
        index.delete(id, version, visibleAtOnce);
    }

    Optional<AssetView> get(String id) {
        return index.get(id).map(AssetSearchDocument::asset);
    }

    AssetSearchPage search(SearchAssetsQuery query) {
        Map<AssetFacet.Field, Query> filters = filters(query.filter());
        List<SortOptions> sort = sort(query);
        Map<String, Aggregation> facets = new LinkedHashMap<>();
        for (AssetFacet.Field field : AssetFacet.Field.values()) {
            Map<AssetFacet.Field, Query> others = new EnumMap<>(filters);
            others.remove(field);
            facets.put(field.name(), Aggregation.of(a -> a.filter(all(others.values()))
                    .aggregations("values", v -> v.terms(t -> t.field(field.indexField()).size(FACET_SIZE)))));
        }
        SearchResponse<AssetSearchDocument> response = call(() -> index.client().search(s -> {
            s.index(ALIAS).size(query.first() + 1).trackTotalHits(t -> t.enabled(true))
                    .query(text(query.text())).postFilter(all(filters.values())).sort(sort).aggregations(facets);
            if (query.after() != null) {
                s.searchAfter(AssetCursor.decode(query.after(), sort.size()));
            }
            return s;
        }, AssetSearchDocument.class));
        List<Hit<AssetSearchDocument>> hits = response.hits().hits();
        boolean hasNextPage = hits.size() > query.first();
        List<Hit<AssetSearchDocument>> page = hasNextPage ? hits.subList(0, query.first()) : hits;
        return new AssetSearchPage(page.stream().map(hit -> hit.source().asset()).toList(),
                page.stream().map(hit -> AssetCursor.encode(hit.sort())).toList(), hasNextPage,
                response.hits().total() == null ? hits.size() : response.hits().total().value(),
                facets(response.aggregations()));
    }

    /** Every folder's usage sums the assets of its subfolders too; the root's is the total. */
    AssetStorageUsage usage() {
        SearchResponse<Void> response = call(() -> index.client().search(s -> s.index(ALIAS).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .aggregations("contentBytes", a -> a.sum(sum -> sum.field("sizeBytes")))
                .aggregations("storedBytes", a -> a.sum(sum -> sum.field("storedBytes")))
                .aggregations("folders", a -> a.terms(t -> t.field("folderPaths").size(FOLDERS))
                        .aggregations("contentBytes", sub -> sub.sum(sum -> sum.field("sizeBytes")))
                        .aggregations("storedBytes", sub -> sub.sum(sum -> sum.field("storedBytes")))), Void.class));
        Map<String, Aggregate> totals = response.aggregations();
        List<AssetStorageUsage.FolderUsage> folders = totals.get("folders").sterms().buckets().array().stream()
                .map(bucket -> new AssetStorageUsage.FolderUsage(bucket.key().stringValue(), bucket.docCount(),
                        sum(bucket.aggregations(), "contentBytes"), sum(bucket.aggregations(), "storedBytes")))
                .sorted(java.util.Comparator.comparing(AssetStorageUsage.FolderUsage::folder))
                .toList();
        return new AssetStorageUsage(response.hits().total().value(), sum(totals, "contentBytes"),
                sum(totals, "storedBytes"), folders);
    }

    private static long sum(Map<String, Aggregate> aggregations, String name) {
        return Math.round(aggregations.get(name).sum().value());
    }

    private static Query text(String text) {
        if (text == null) {
            return Query.of(q -> q.matchAll(all -> all));
        }
        // every word must match somewhere: more words narrow the result
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields("title^3", "tags^2", "fileName", "description")
                .type(TextQueryType.CrossFields).operator(Operator.And)));
    }

    private static Map<AssetFacet.Field, Query> filters(AssetSearchFilter filter) {
        Map<AssetFacet.Field, Query> filters = new EnumMap<>(AssetFacet.Field.class);
        anyOf(filters, AssetFacet.Field.KIND, names(filter.kinds()));
        anyOf(filters, AssetFacet.Field.STATUS, names(filter.statuses()));
        anyOf(filters, AssetFacet.Field.APPROVAL, names(filter.approvals()));
        anyOf(filters, AssetFacet.Field.TAGS, filter.tags().stream().map(Tag::value).toList());
        if (filter.folder() != null) {
            anyOf(filters, AssetFacet.Field.FOLDER, List.of(filter.folder().value()));
        }
        anyOf(filters, AssetFacet.Field.RESOLUTION_CLASS, names(filter.resolutionClasses()));
        anyOf(filters, AssetFacet.Field.ORIENTATION, names(filter.orientations()));
        anyOf(filters, AssetFacet.Field.DURATION_RANGE, names(filter.durationRanges()));
        anyOf(filters, AssetFacet.Field.PLAYABLE_PROFILES, filter.playableProfiles());
        if (filter.playable() != null) {
            anyOf(filters, AssetFacet.Field.PLAYABLE, List.of(filter.playable().toString()));
        }
        return filters;
    }

    private static void anyOf(Map<AssetFacet.Field, Query> filters, AssetFacet.Field field, Collection<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            filters.put(field, Query.of(q -> q.terms(t -> t.field(field.indexField()).terms(v -> v.value(terms)))));
        }
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static Query all(Collection<Query> filters) {
        return Query.of(q -> q.bool(b -> b.filter(new ArrayList<>(filters))));
    }

    /** The page's order, then the id: a total order, which search_after needs. */
    private static List<SortOptions> sort(SearchAssetsQuery query) {
        AssetSort sort = query.sort();
        SortOrder order = sort.direction() == AssetSort.Direction.ASC ? SortOrder.Asc : SortOrder.Desc;
        List<SortOptions> options = new ArrayList<>();
        switch (sort.field()) {
            case RELEVANCE -> options.add(query.text() == null ? field("createdAt", SortOrder.Desc)
                    : SortOptions.of(o -> o.score(score -> score.order(SortOrder.Desc))));
            case CREATED_AT -> options.add(field("createdAt", order));
            case TITLE -> options.add(field("titleSort", order));
            case SIZE -> options.add(field("sizeBytes", order));
            case DURATION -> options.add(field("durationMillis", order));
        }
        options.add(field("id", SortOrder.Asc));
        return options;
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(o -> o.field(f -> f.field(name).order(order).missing("_last")));
    }

    private static List<AssetFacet> facets(Map<String, Aggregate> aggregations) {
        List<AssetFacet> facets = new ArrayList<>();
        for (AssetFacet.Field field : AssetFacet.Field.values()) {
            Aggregate values = aggregations.get(field.name()).filter().aggregations().get("values");
            List<AssetFacet.Bucket> buckets = values.isLterms()
                    // a boolean field's terms come as numbers, with the value as text beside them
                    ? values.lterms().buckets().array().stream()
                            .map(b -> new AssetFacet.Bucket(b.keyAsString(), b.docCount())).toList()
                    : values.sterms().buckets().array().stream().map(AssetSearchIndex::bucket).toList();
            facets.add(new AssetFacet(field, buckets));
        }
        return facets;
    }

    private static AssetFacet.Bucket bucket(StringTermsBucket bucket) {
        return new AssetFacet.Bucket(bucket.key().stringValue(), bucket.docCount());
    }
}
