package io.playmark.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.playmark.query.rebuild.Rebuild;
import io.playmark.query.rebuild.Rebuilds;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import co.elastic.clients.util.ObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Elasticsearch index that clients reach through an alias; the index behind it is versioned, so a new mapping
 * can be built beside the old one and the alias swapped, without reindexing (which the embedded node cannot do).
 * Documents are written at the aggregate version of the event they reflect: Elasticsearch's external versioning
 * turns a stale or repeated write into a no-op, so redelivery and replays are harmless.
 * <p>
 * An index {@linkplain #rebuiltBy rebuilt by} its projection's replay is built as the next version beside the live
 * one, which searches keep reading until {@link Rebuilds} swaps the alias; its projection then writes through
 * {@link #write}, which gathers a unit of work's writes into one bulk request.
 */
public final class VersionedIndex<D> {

    private static final Pattern VERSIONED = Pattern.compile("(.*)-v(\\d+)");

    private final ElasticsearchClient client;
    private final String alias;
    private final String index;
    private final Class<D> documentType;
    private final Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mappings;
    private final Rebuilds rebuilds;
    private final String processingGroup;

    public VersionedIndex(ElasticsearchClient client, String alias, String index, Class<D> documentType,
                          Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mappings) {
        this(client, alias, index, documentType, mappings, null, null);
    }

    private VersionedIndex(ElasticsearchClient client, String alias, String index, Class<D> documentType,
                           Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mappings, Rebuilds rebuilds,
                           String processingGroup) {
        this.client = client;
        this.alias = alias;
        this.index = index;
        this.documentType = documentType;
        this.mappings = mappings;
        this.rebuilds = rebuilds;
        this.processingGroup = processingGroup;
    }

    /** The same index, rebuilt beside the live one when {@code processingGroup} replays. */
    public VersionedIndex<D> rebuiltBy(Rebuilds rebuilds, String processingGroup) {
        return new VersionedIndex<>(client, alias, index, documentType, mappings, rebuilds, processingGroup);
    }

    public ElasticsearchClient client() {
        return client;
    }

    public String alias() {
        return alias;
    }

    /**
     * Creates the index and its alias when the alias is missing (after a rebuild it stands in front of a later
     * version); safe to call on every start, from every instance.
     */
    public void ensureExists() {
        call(() -> {
            if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
                try {
                    create(index, true);
                } catch (ElasticsearchException raced) {
                    if (!"resource_already_exists_exception".equals(raced.error().type())) {
                        throw raced;
                    }
                }
            }
            return null;
        });
    }

    private void create(String name, boolean behindAlias) throws IOException {
        client.indices().create(c -> {
            c.index(name)
                    // one replica on a cluster, none on a single node, so a single node stays green; an index being
                    // rebuilt is searched by nobody, so it is not refreshed until the swap (Rebuilds.swapIndex)
                    .settings(s -> behindAlias ? s.autoExpandReplicas("0-1")
                            : s.autoExpandReplicas("0-1").refreshInterval(t -> t.time("-1")))
                    .mappings(mappings);
            return behindAlias ? c.aliases(alias, a -> a.isWriteIndex(true)) : c;
        });
    }

    /**
     * Reset handler of a replay: creates the next version of the index (afresh, if an unfinished rebuild left one)
     * without the alias, and records it as the one the replay builds.
     */
    public void beginRebuild() {
        call(() -> {
            Set<String> live = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
            String current = live.stream().max(String::compareTo).orElseThrow();
            String next = nextVersion(current);
            if (client.indices().exists(e -> e.index(next)).value()) {
                client.indices().delete(d -> d.index(next));
            }
            create(next, false);
            rebuilds.building(processingGroup, new Rebuild.Target(Rebuild.Kind.INDEX, alias, current, next));
            return null;
        });
    }

    static String nextVersion(String index) {
        Matcher versioned = VERSIONED.matcher(index);
        return versioned.matches() ? versioned.group(1) + "-v" + (Long.parseLong(versioned.group(2)) + 1)
                : index + "-v2";
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

    /**
     * The document as the projection has built it so far for the event at {@code token}: during a rebuild, from
     * the index being built, with this unit of work's writes not yet sent.
     */
    public Optional<D> current(String id, TrackingToken token) {
        Rebuilds.Destination destination = destination(token);
        Pending<D> pending = pending();
        if (pending != null && pending.writes.containsKey(new Key(destination.read(), id))) {
            return Optional.ofNullable(pending.writes.get(new Key(destination.read(), id)).document());
        }
        return call(() -> {
            GetResponse<D> found = client.get(g -> g.index(destination.read()).id(id), documentType);
            return Optional.ofNullable(found.found() ? found.source() : null);
        });
    }

    /**
     * Writes a document at the version of the event at {@code token}, with the unit of work's other writes in one
     * bulk request before it commits (so before its token is stored); during a rebuild into the index being built,
     * and for an event past the replay into the live one too. Visible to searches at once for a live event.
     */
    public void write(String id, D document, long version, TrackingToken token) {
        Rebuilds.Destination destination = destination(token);
        Pending<D> pending = pending();
        for (String target : destination.writes()) {
            Write<D> write = new Write<>(document, version, destination.live());
            if (pending == null) {
                send(Map.of(new Key(target, id), write));
            } else {
                pending.writes.put(new Key(target, id), write);
            }
        }
    }

    private Rebuilds.Destination destination(TrackingToken token) {
        return rebuilds == null ? new Rebuilds.Destination(alias, List.of(alias), !ReplayToken.isReplay(token))
                : rebuilds.destination(processingGroup, alias, token);
    }

    @SuppressWarnings("unchecked")
    private Pending<D> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        var unitOfWork = CurrentUnitOfWork.get();
        return (Pending<D>) unitOfWork.getOrComputeResource(VersionedIndex.class.getName() + "." + alias, key -> {
            Pending<D> fresh = new Pending<>();
            unitOfWork.onPrepareCommit(committing -> send(fresh.writes));
            return fresh;
        });
    }

    private void send(Map<Key, Write<D>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        boolean visibleAtOnce = writes.values().stream().anyMatch(Write::visibleAtOnce);
        List<BulkOperation> operations = writes.entrySet().stream().map(entry -> BulkOperation.of(op -> op
                .index(i -> i.index(entry.getKey().index()).id(entry.getKey().id()).document(entry.getValue().document())
                        .versionType(VersionType.External).version(entry.getValue().version())))).toList();
        BulkResponse response = call(() -> client.bulk(b -> b.operations(operations)
                .refresh(visibleAtOnce ? Refresh.True : Refresh.False)));
        if (response.errors()) {
            // a conflict is a stale or repeated write (see the class comment); anything else fails the batch
            response.items().stream().filter(item -> item.error() != null && item.status() != 409).findFirst()
                    .ifPresent(item -> {
                        throw new IllegalStateException("Elasticsearch refused " + item.id() + " in " + item.index()
                                + ": " + item.error().reason());
                    });
        }
    }

    private record Key(String index, String id) {
    }

    private record Write<D>(D document, long version, boolean visibleAtOnce) {
    }

    /** A unit of work's writes not yet sent, by index and id: the last write of a document is the one that counts. */
    private static final class Pending<D> {
        private final Map<Key, Write<D>> writes = new LinkedHashMap<>();
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
