package io.playmark.command.asset;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.AddAssetToCollectionCommand;
import io.playmark.kernel.asset.AssetAddedToCollectionEvent;
import io.playmark.kernel.asset.AssetCollectionId;
import io.playmark.kernel.asset.AssetRemovedFromCollectionEvent;
import io.playmark.kernel.asset.RemoveAssetFromCollectionCommand;
import io.playmark.kernel.ConflictException;
import io.playmark.kernel.asset.ApproveAssetCommand;
import io.playmark.kernel.asset.AssetApprovedEvent;
import io.playmark.kernel.asset.AssetContentStoredEvent;
import io.playmark.kernel.asset.AssetDeletedEvent;
import io.playmark.kernel.asset.AssetUse;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetMetadata;
import io.playmark.kernel.asset.AssetMetadataEditedEvent;
import io.playmark.kernel.asset.AssetMovedEvent;
import io.playmark.kernel.asset.AssetProbeFailedEvent;
import io.playmark.kernel.asset.AssetProbedEvent;
import io.playmark.kernel.asset.AssetRegisteredEvent;
import io.playmark.kernel.asset.AssetRejectedEvent;
import io.playmark.kernel.asset.AssetRenditionFailedEvent;
import io.playmark.kernel.asset.AssetRenditionProducedEvent;
import io.playmark.kernel.asset.AssetRetiredEvent;
import io.playmark.kernel.asset.AssetTaggedEvent;
import io.playmark.kernel.asset.AssetTitle;
import io.playmark.kernel.asset.DeleteAssetCommand;
import io.playmark.kernel.asset.EditAssetMetadataCommand;
import io.playmark.kernel.asset.FileName;
import io.playmark.kernel.asset.FolderPath;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.MediaProbe;
import io.playmark.kernel.asset.MoveAssetCommand;
import io.playmark.kernel.asset.RecordAssetProbeCommand;
import io.playmark.kernel.asset.RecordAssetProbeFailureCommand;
import io.playmark.kernel.asset.RecordRenditionCommand;
import io.playmark.kernel.asset.RecordRenditionFailureCommand;
import io.playmark.kernel.asset.RegisterAssetCommand;
import io.playmark.kernel.asset.RejectAssetCommand;
import io.playmark.kernel.asset.Rendition;
import io.playmark.kernel.asset.RetireAssetCommand;
import io.playmark.kernel.asset.Sha256;
import io.playmark.kernel.asset.StoredContent;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.asset.TagAssetCommand;
import io.playmark.kernel.asset.UploadAssetVersionCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

class AssetTest {

    private static final AssetId ID = new AssetId("0f6a3f1e-2b7c-4d1e-9c55-3a1b2c3d4e5f");
    private static final String SHA = "a".repeat(64);
    /** The one collection the collections' read model knows. */
    private static final AssetCollectionId COLLECTION = new AssetCollectionId("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final String OTHER_SHA = "b".repeat(64);
    private static final MediaProbe PROBE =
            new MediaProbe("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", 15_000L, 1920, 1080, 25.0, 5_000_000L, 0);
    private static final Rendition HD =
            new Rendition("video-720p", "c".repeat(64), 1_000, "video/mp4", "mp4", "h264", 1280, 720, 2_500_000L);

    private final AssetRegisteredEvent registered =
            new AssetRegisteredEvent(ID.value(), "Summer sale", "summer.mp4", "/brands/acme", Set.of("summer"));
    private final AssetContentStoredEvent stored =
            new AssetContentStoredEvent(ID.value(), 1, "summer.mp4", SHA, 4_096, "video/mp4", MediaKind.VIDEO);
    private final AssetProbedEvent probed = new AssetProbedEvent(ID.value(), 1, PROBE);

    private FixtureConfiguration<Asset> fixture;
    /** Who uses the asset, as the campaign and playlist read models would answer. */
    private final List<AssetUse> users = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Asset.class);
        fixture.registerInjectableResource((AssetUses) asset -> List.copyOf(users));
        fixture.registerInjectableResource((AssetCollections) COLLECTION::equals);
    }

    @Test
    void registering_records_the_asset_and_its_first_content_version() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAssetCommand(ID, new AssetTitle("Summer sale"), new FileName("summer.mp4"),
                        new FolderPath("brands/acme/"), Tag.of(List.of("Summer")), content(SHA)))
                .expectEvents(registered, stored);
    }

    @Nested
    class Processing {

        @Test
        void a_probe_of_the_current_version_is_recorded_once() {
            fixture.given(registered, stored).when(new RecordAssetProbeCommand(ID, 1, PROBE)).expectEvents(probed);
            fixture.given(registered, stored, probed).when(new RecordAssetProbeCommand(ID, 1, PROBE)).expectNoEvents();
        }

        @Test
        void a_probe_failure_is_recorded_with_its_reason() {
            fixture.given(registered, stored)
                    .when(new RecordAssetProbeFailureCommand(ID, 1, "Invalid data found when processing input"))
                    .expectEvents(new AssetProbeFailedEvent(ID.value(), 1, "Invalid data found when processing input"));
        }

        @Test
        void results_for_an_older_content_version_are_ignored() {
            fixture.given(registered, stored, newVersion())
                    .when(new RecordAssetProbeCommand(ID, 1, PROBE))
                    .expectNoEvents();
            fixture.given(registered, stored, newVersion())
                    .when(new RecordRenditionCommand(ID, 1, HD))
                    .expectNoEvents();
        }

        @Test
        void a_rendition_is_recorded_once_per_version() {
            var produced = new AssetRenditionProducedEvent(ID.value(), 1, HD);
            fixture.given(registered, stored, probed).when(new RecordRenditionCommand(ID, 1, HD)).expectEvents(produced);
            fixture.given(registered, stored, probed, produced).when(new RecordRenditionCommand(ID, 1, HD))
                    .expectNoEvents();
        }

        @Test
        void a_failed_rendition_is_recorded_once_with_its_reason_and_a_later_success_still_counts() {
            var failed = new AssetRenditionFailedEvent(ID.value(), 1, "video-720p", "Conversion failed");
            fixture.given(registered, stored, probed)
                    .when(new RecordRenditionFailureCommand(ID, 1, "video-720p", "Conversion failed"))
                    .expectEvents(failed);
            fixture.given(registered, stored, probed, failed)
                    .when(new RecordRenditionFailureCommand(ID, 1, "video-720p", "Conversion failed"))
                    .expectNoEvents();
            fixture.given(registered, stored, probed, failed)
                    .when(new RecordRenditionCommand(ID, 1, HD))
                    .expectEvents(new AssetRenditionProducedEvent(ID.value(), 1, HD));
        }

        @Test
        void a_new_version_is_stored_as_the_next_content_version_and_the_same_content_changes_nothing() {
            fixture.given(registered, stored, probed)
                    .when(new UploadAssetVersionCommand(ID, new FileName("summer-v2.mp4"), content(OTHER_SHA)))
                    .expectEvents(newVersion());
            fixture.given(registered, stored)
                    .when(new UploadAssetVersionCommand(ID, new FileName("summer.mp4"), content(SHA)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Review {

        @Test
        void a_probed_asset_can_be_approved_once() {
            var approved = new AssetApprovedEvent(ID.value(), 1, "looks good");
            fixture.given(registered, stored, probed).when(new ApproveAssetCommand(ID, " looks good "))
                    .expectEvents(approved);
            fixture.given(registered, stored, probed, approved).when(new ApproveAssetCommand(ID, null))
                    .expectNoEvents();
        }

        @Test
        void approval_waits_for_the_content_to_be_checked() {
            fixture.given(registered, stored).when(new ApproveAssetCommand(ID, null))
                    .expectException(ConflictException.class).expectExceptionMessage(
                            "Asset " + ID + " is still being checked; approve it once probed");
        }

        @Test
        void content_that_does_not_decode_cannot_be_approved() {
            fixture.given(registered, stored, new AssetProbeFailedEvent(ID.value(), 1, "moov atom not found"))
                    .when(new ApproveAssetCommand(ID, null))
                    .expectException(ConflictException.class);
        }

        @Test
        void a_new_version_needs_approval_again() {
            fixture.given(registered, stored, probed, new AssetApprovedEvent(ID.value(), 1, null), newVersion(),
                            new AssetProbedEvent(ID.value(), 2, PROBE))
                    .when(new ApproveAssetCommand(ID, null))
                    .expectEvents(new AssetApprovedEvent(ID.value(), 2, null));
        }

        @Test
        void a_rejection_records_why_and_is_not_repeated() {
            var rejected = new AssetRejectedEvent(ID.value(), 1, "logo is cut off");
            fixture.given(registered, stored, probed).when(new RejectAssetCommand(ID, "logo is cut off"))
                    .expectEvents(rejected);
            fixture.given(registered, stored, probed, rejected).when(new RejectAssetCommand(ID, "logo is cut off"))
                    .expectNoEvents();
        }

        @Test
        void a_retired_asset_cannot_be_approved() {
            fixture.given(registered, stored, probed, new AssetRetiredEvent(ID.value(), "season over", false))
                    .when(new ApproveAssetCommand(ID, null))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Asset " + ID + " is retired and cannot be approved");
        }
    }

    @Nested
    class Organisation {

        @Test
        void editing_metadata_records_the_whole_form_and_the_same_form_changes_nothing() {
            Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
            var metadata = new AssetMetadata(new AssetTitle("Summer sale 15s"), "For lobby screens",
                    Map.of("sku", "A-17"), expiry);
            var edited = new AssetMetadataEditedEvent(ID.value(), "Summer sale 15s", "For lobby screens",
                    Map.of("sku", "A-17"), expiry);
            fixture.given(registered, stored).when(new EditAssetMetadataCommand(ID, metadata)).expectEvents(edited);
            fixture.given(registered, stored, edited).when(new EditAssetMetadataCommand(ID, metadata))
                    .expectNoEvents();
        }

        @Test
        void tagging_records_the_resulting_tags_and_what_changed() {
            fixture.given(registered, stored)
                    .when(new TagAssetCommand(ID, Tag.of(List.of("Sale", "summer")), Tag.of(List.of("summer"))))
                    .expectEvents(new AssetTaggedEvent(ID.value(), Set.of("sale", "summer"), Set.of("sale"), Set.of()));
            fixture.given(registered, stored)
                    .when(new TagAssetCommand(ID, Set.of(), Tag.of(List.of("summer", "winter"))))
                    .expectEvents(new AssetTaggedEvent(ID.value(), Set.of(), Set.of(), Set.of("summer")));
            fixture.given(registered, stored)
                    .when(new TagAssetCommand(ID, Tag.of(List.of("summer")), Set.of()))
                    .expectNoEvents();
        }

        @Test
        void adding_to_a_collection_is_recorded_once_and_only_for_a_collection_that_exists() {
            var added = new AssetAddedToCollectionEvent(ID.value(), COLLECTION.value());
            fixture.given(registered, stored).when(new AddAssetToCollectionCommand(ID, COLLECTION))
                    .expectEvents(added);
            fixture.given(registered, stored, added).when(new AddAssetToCollectionCommand(ID, COLLECTION))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            AssetCollectionId unknown = AssetCollectionId.random();
            fixture.given(registered, stored).when(new AddAssetToCollectionCommand(ID, unknown))
                    .expectException(NotFoundException.class)
                    .expectExceptionMessage("No collection with id " + unknown);
        }

        @Test
        void removing_from_a_collection_is_recorded_only_when_the_asset_is_in_it() {
            var added = new AssetAddedToCollectionEvent(ID.value(), COLLECTION.value());
            var removed = new AssetRemovedFromCollectionEvent(ID.value(), COLLECTION.value());
            fixture.given(registered, stored, added).when(new RemoveAssetFromCollectionCommand(ID, COLLECTION))
                    .expectEvents(removed);
            fixture.given(registered, stored, added, removed)
                    .when(new RemoveAssetFromCollectionCommand(ID, COLLECTION))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void an_asset_is_in_at_most_a_hundred_collections() {
            List<Object> history = new ArrayList<>(List.of(registered, stored));
            for (int i = 0; i < Asset.MAX_COLLECTIONS; i++) {
                history.add(new AssetAddedToCollectionEvent(ID.value(), AssetCollectionId.random().value()));
            }
            fixture.given(history).when(new AddAssetToCollectionCommand(ID, COLLECTION))
                    .expectException(ConflictException.class);
        }

        @Test
        void moving_records_both_folders_and_moving_to_the_same_folder_changes_nothing() {
            fixture.given(registered, stored).when(new MoveAssetCommand(ID, new FolderPath("/archive")))
                    .expectEvents(new AssetMovedEvent(ID.value(), "/brands/acme", "/archive"));
            fixture.given(registered, stored).when(new MoveAssetCommand(ID, new FolderPath("/brands/acme")))
                    .expectNoEvents();
        }
    }

    @Nested
    class EndOfLife {

        @Test
        void retiring_by_hand_is_recorded_once() {
            var retired = new AssetRetiredEvent(ID.value(), "season over", false);
            fixture.given(registered, stored).when(new RetireAssetCommand(ID, "season over", false))
                    .expectEvents(retired);
            fixture.given(registered, stored, retired).when(new RetireAssetCommand(ID, "again", false))
                    .expectNoEvents();
        }

        @Test
        void retiring_at_expiry_needs_the_expiry_to_have_come() {
            Instant past = Instant.now().minus(1, ChronoUnit.MINUTES);
            Instant future = Instant.now().plus(1, ChronoUnit.DAYS);
            fixture.given(registered, stored, edited(past)).when(new RetireAssetCommand(ID, null, true))
                    .expectEvents(new AssetRetiredEvent(ID.value(), "expired", true));
            fixture.given(registered, stored, edited(future)).when(new RetireAssetCommand(ID, null, true))
                    .expectException(ConflictException.class);
            fixture.given(registered, stored).when(new RetireAssetCommand(ID, null, true))
                    .expectException(ConflictException.class);
        }

        @Test
        void deleting_keeps_the_name_and_checksum_and_deleting_again_is_a_success() {
            var deleted = new AssetDeletedEvent(ID.value(), "Summer sale", "summer.mp4", SHA);
            fixture.given(registered, stored).when(new DeleteAssetCommand(ID)).expectEvents(deleted);
            fixture.given(registered, stored, deleted).when(new DeleteAssetCommand(ID))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void deleting_takes_the_asset_out_of_its_collections_first() {
            fixture.given(registered, stored, new AssetAddedToCollectionEvent(ID.value(), COLLECTION.value()))
                    .when(new DeleteAssetCommand(ID))
                    .expectEvents(new AssetRemovedFromCollectionEvent(ID.value(), COLLECTION.value()),
                            new AssetDeletedEvent(ID.value(), "Summer sale", "summer.mp4", SHA));
        }

        @Test
        void an_asset_in_use_is_not_deleted_and_the_refusal_names_every_user() {
            users.add(new AssetUse(AssetUse.Kind.CAMPAIGN, "c-1", "Summer sale"));
            users.add(new AssetUse(AssetUse.Kind.PLAYLIST, "p-1", "Lobby loop"));

            fixture.given(registered, stored).when(new DeleteAssetCommand(ID))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Asset " + ID + " is in use by campaign 'Summer sale' (c-1), playlist "
                            + "'Lobby loop' (p-1); take it out of them, or retire it, before deleting it");
        }

        @Test
        void a_deleted_asset_refuses_changes_and_ignores_late_processing_results() {
            var deleted = new AssetDeletedEvent(ID.value(), "Summer sale", "summer.mp4", SHA);
            fixture.given(registered, stored, deleted).when(new MoveAssetCommand(ID, new FolderPath("/x")))
                    .expectException(ConflictException.class).expectExceptionMessage("Asset " + ID + " was deleted");
            fixture.given(registered, stored, deleted).when(new RecordAssetProbeCommand(ID, 1, PROBE))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    private AssetMetadataEditedEvent edited(Instant expiresAt) {
        return new AssetMetadataEditedEvent(ID.value(), "Summer sale", null, Map.of(), expiresAt);
    }

    private AssetContentStoredEvent newVersion() {
        return new AssetContentStoredEvent(ID.value(), 2, "summer-v2.mp4", OTHER_SHA, 4_096, "video/mp4",
                MediaKind.VIDEO);
    }

    private static StoredContent content(String sha) {
        return new StoredContent(new Sha256(sha), 4_096, "video/mp4", MediaKind.VIDEO);
    }
}
