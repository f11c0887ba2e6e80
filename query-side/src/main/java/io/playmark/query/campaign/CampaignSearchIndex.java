package io.playmark.query.campaign;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The Elasticsearch index analysts and search read campaigns from. Clients use the alias
 * {@value #ALIAS}; the index behind it is versioned, so a new mapping can be built beside the old one
 * and the alias swapped, without reindexing (which the embedded node cannot do).
 */
@Component
public class CampaignSearchIndex {

    public static final String ALIAS = "campaigns";
    static final String INDEX = "campaigns-v1";

    private final ElasticsearchClient client;

    public CampaignSearchIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index and its alias when they are missing; safe to call on every start. */
    public void ensureExists() {
        call(() -> {
            if (!client.indices().exists(e -> e.index(INDEX)).value()) {
                try {
                    client.indices().create(c -> c.index(INDEX)
                            .aliases(ALIAS, a -> a.isWriteIndex(true))
                            // one replica on a cluster, none on a single node, so a single node stays green
                            .settings(s -> s.autoExpandReplicas("0-1"))
                            .mappings(m -> m
                                    .properties("id", p -> p.keyword(k -> k))
                                    .properties("name", p -> p.text(t -> t.fields("keyword", f -> f.keyword(k -> k))))
                                    .properties("advertiser", p -> p.text(t -> t.fields("keyword", f -> f.keyword(k -> k))))
                                    .properties("createdAt", p -> p.date(d -> d))
                                    .properties("updatedAt", p -> p.date(d -> d))
                                    .properties("version", p -> p.long_(l -> l))));
                } catch (ElasticsearchException raced) {
                    if (!"resource_already_exists_exception".equals(raced.error().type())) {
                        throw raced;
                    }
                }
            }
            return null;
        });
    }

    /** Drops every document by dropping the index, since the embedded node has no delete-by-query. */
    void recreate() {
        call(() -> {
            if (client.indices().exists(e -> e.index(INDEX)).value()) {
                client.indices().delete(d -> d.index(INDEX));
            }
            return null;
        });
        ensureExists();
    }

    /**
     * Writes a campaign at the aggregate version of the event it reflects. Elasticsearch's external
     * versioning turns a stale or repeated write into a no-op, so redelivery and replays are harmless.
     *
     * @param visibleAtOnce refresh so that the next search sees the write (live updates); replays skip it
     */
    void put(CampaignSearchDocument document, long version, boolean visibleAtOnce) {
        call(() -> {
            try {
                client.index(i -> i.index(ALIAS).id(document.id()).document(document)
                        .versionType(VersionType.External).version(version)
                        .refresh(visibleAtOnce ? Refresh.True : Refresh.False));
            } catch (ElasticsearchException conflict) {
                if (conflict.status() != 409) {
                    throw conflict;
                }
            }
            return null;
        });
    }

    Optional<CampaignSearchDocument> get(String id) {
        return call(() -> {
            GetResponse<CampaignSearchDocument> found = client.get(g -> g.index(ALIAS).id(id),
                    CampaignSearchDocument.class);
            return Optional.ofNullable(found.found() ? found.source() : null);
        });
    }

    List<CampaignSearchDocument> search(String text, int size) {
        return call(() -> client.search(s -> s.index(ALIAS).size(size)
                        .query(q -> q.multiMatch(m -> m.query(text).fields("name^2", "advertiser")
                                // every word must match somewhere: more words narrow the result
                                .type(TextQueryType.CrossFields).operator(Operator.And))),
                CampaignSearchDocument.class).hits().hits().stream().map(Hit::source).toList());
    }

    private interface ElasticsearchCall<T> {
        T run() throws IOException;
    }

    private static <T> T call(ElasticsearchCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }
}
