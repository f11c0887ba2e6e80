package io.playmark.query.asset;

import java.util.List;

/** How many assets of a search's result have each value of a field, most first. */
public record AssetFacet(Field field, List<Bucket> buckets) {

    /** The fields a search counts, and the indexed fields they count. */
    public enum Field {
        KIND("kind"),
        STATUS("status"),
        APPROVAL("approval"),
        TAGS("tags.keyword"),
        /** Each folder counts its subfolders' assets too. */
        FOLDER("folderPaths"),
        RESOLUTION_CLASS("resolutionClass"),
        ORIENTATION("orientation"),
        DURATION_RANGE("durationRange"),
        PLAYABLE_PROFILES("playableProfiles"),
        /** "false" counts the flagged assets, which no profile plays. */
        PLAYABLE("playable");

        private final String indexField;

        Field(String indexField) {
            this.indexField = indexField;
        }

        String indexField() {
            return indexField;
        }
    }

    public record Bucket(String value, long count) {
    }
}
