package io.playmark.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.util.ObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * An Elasticsearch index that clients reach through an alias; the index behind it is versioned, so a new mapping
 * can be built beside the old one and the alias swapped, without reindexing (which the embedded node cannot do).
 * Documents are written at the aggregate version of the event they reflect: Elasticsearch's external versioning
 * turns a stale or repeated write into a no-op, so redelivery and replays are harmless.
 */
public final class VersionedIndex<D> {

    private final ElasticsearchClient client;
    private final String alias;
    private final String index;
    private final Class<D> documentType;
    private final Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mappings;

    public VersionedIndex(ElasticsearchClient client, String alias, String index, Class<D> documentType,
                          Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mappings) {
        this.client = client;
        this.alias = alias;
        this.index = index;
        this.documentType = documentType;
        this.mappings = mappings;
    }

    public ElasticsearchClient client() {
        return client;
    }

    public String alias() {
        return alias;
    }

    /** Creates the index and its alias when they are missing; safe to call on every start, from every instance. */
    public void ensureExists() {
        call(() -> {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                try {
                    client.indices().create(c -> c.index(index)
                            .aliases(alias, a -> a.isWriteIndex(true))
                            // one replica on a cluster, none on a single node, so a single node stays green
                            .settings(s -> s.autoExpandReplicas("0-1"))
                            .mappings(mappings));
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
    public void recreate() {
        call(() -> {
            if (client.indices().exists(e -> e.index(index)).value()) {
                client.indices().delete(d -> d.index(index));
            }
            return null;
        });
        ensureExists();
    }

    /** @param visibleAtOnce refresh so that the next search sees the write (live updates); replays skip it */
    public void put(String id, D document, long version, boolean visibleAtOnce) {
        ignoringStale(() -> client.index(i -> i.index(alias).id(id).document(document)
                .versionType(VersionType.External).version(version)
                .refresh(visibleAtOnce ? Refresh.True : Refresh.False)));
    }

    /** Removes a document at the version of the event that removes it, so that older writes cannot bring it back. */
    public void delete(String id, long version, boolean visibleAtOnce) {
        ignoringStale(() -> client.delete(d -> d.index(alias).id(id)
                .versionType(VersionType.External).version(version)
                .refresh(visibleAtOnce ? Refresh.True : Refresh.False)));
    }

    public Optional<D> get(String id) {
        return call(() -> {
            GetResponse<D> found = client.get(g -> g.index(alias).id(id), documentType);
            return Optional.ofNullable(found.found() ? found.source() : null);
        });
    }

    private void ignoringStale(ElasticsearchCall<?> write) {
        call(() -> {
            try {
                write.run();
            } catch (ElasticsearchException conflict) {
                if (conflict.status() != 409) {
                    throw conflict;
                }
            }
            return null;
        });
    }

    public interface ElasticsearchCall<T> {
        T run() throws IOException;
    }

    public static <T> T call(ElasticsearchCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }
}
