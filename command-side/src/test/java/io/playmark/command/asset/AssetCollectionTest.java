package io.playmark.command.asset;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.asset.AssetCollectionCreatedEvent;
import io.playmark.kernel.asset.AssetCollectionDeletedEvent;
import io.playmark.kernel.asset.AssetCollectionId;
import io.playmark.kernel.asset.AssetCollectionName;
import io.playmark.kernel.asset.AssetCollectionRenamedEvent;
import io.playmark.kernel.asset.CreateAssetCollectionCommand;
import io.playmark.kernel.asset.DeleteAssetCollectionCommand;
import io.playmark.kernel.asset.RenameAssetCollectionCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssetCollectionTest {

    private static final AssetCollectionId ID = new AssetCollectionId("7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
    private static final AssetCollectionName NAME = new AssetCollectionName("Summer picks");
    private final AssetCollectionCreatedEvent created = new AssetCollectionCreatedEvent(ID.value(), "Summer picks");
    private final AssetCollectionDeletedEvent deleted = new AssetCollectionDeletedEvent(ID.value(), "Summer picks");

    private FixtureConfiguration<AssetCollection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssetCollection.class);
    }

    @Test
    void creating_records_the_name_and_a_retried_create_changes_nothing() {
        fixture.givenNoPriorActivity().when(new CreateAssetCollectionCommand(ID, NAME)).expectEvents(created);
        fixture.given(created).when(new CreateAssetCollectionCommand(ID, NAME))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void creating_again_with_another_name_or_after_deletion_is_a_conflict() {
        fixture.given(created).when(new CreateAssetCollectionCommand(ID, new AssetCollectionName("Winter")))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Collection " + ID + " already exists with the name 'Summer picks'");
        fixture.given(created, deleted).when(new CreateAssetCollectionCommand(ID, NAME))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Collection " + ID + " already exists and was deleted");
    }

    @Test
    void renaming_records_a_new_name_only() {
        fixture.given(created).when(new RenameAssetCollectionCommand(ID, new AssetCollectionName(" Winter ")))
                .expectEvents(new AssetCollectionRenamedEvent(ID.value(), "Winter"));
        fixture.given(created).when(new RenameAssetCollectionCommand(ID, NAME)).expectNoEvents();
        fixture.given(created, deleted).when(new RenameAssetCollectionCommand(ID, NAME))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Collection " + ID + " was deleted");
    }

    @Test
    void deleting_keeps_the_name_and_deleting_again_is_a_success() {
        fixture.given(created).when(new DeleteAssetCollectionCommand(ID)).expectEvents(deleted);
        fixture.given(created, deleted).when(new DeleteAssetCollectionCommand(ID))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
