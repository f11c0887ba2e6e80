package io.playmark.query.rebuild;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A projection being rebuilt beside what queries read: one document per processing group in
 * {@value #COLLECTION}, shared by every instance, from the replay's reset until the swap. It is what tells each
 * instance where the projection writes, and what survives a crash halfway through.
 *
 * @param swappingBy    the instance swapping the targets in (null until the replay has caught up)
 * @param swappingSince when it took the swap; another instance takes it over after {@link Rebuilds#SWAP_TIMEOUT}
 */
@Document(Rebuild.COLLECTION)
public record Rebuild(@Id String processingGroup, List<Target> targets, Instant startedAt, String swappingBy,
                      Instant swappingSince) {

    public static final String COLLECTION = "playmark_rebuilds";

    public enum Kind { INDEX, COLLECTION }

    /**
     * @param name     what queries read: an Elasticsearch alias or a MongoDB collection
     * @param live     the index (or collection) queries read now
     * @param building the index (or shadow collection) the replay writes into, which replaces {@code live}
     */
    public record Target(Kind kind, String name, String live, String building) {
    }

    public Optional<Target> target(String name) {
        return targets.stream().filter(target -> target.name().equals(name)).findFirst();
    }

    Rebuild with(Target target) {
        List<Target> others = targets.stream().filter(t -> !t.name().equals(target.name())).toList();
        return new Rebuild(processingGroup, Stream.concat(others.stream(), Stream.of(target)).toList(),
                startedAt, null, null);
    }
}
