package io.playmark.infra.operations;

import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static io.playmark.kernel.ErrorKind.CONFLICT;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;
import static io.playmark.kernel.ErrorKind.UNAVAILABLE;

/** Operators' view of the projections: position, lag and state, and replay. ADMIN only. */
@RestController
@RequestMapping("/api/v1/admin/processors")
@Tag(name = "Operations", description = "Projections' positions, lag and replay (ADMIN only)")
class EventProcessorsController {

    private final EventProcessors processors;

    EventProcessorsController(EventProcessors processors) {
        this.processors = processors;
    }

    @GetMapping
    @Operation(operationId = "listEventProcessors",
            summary = "List event processors", description = "Each projection's position, lag, segments and "
            + "replay progress; during a rebuild its targets, percent, rate and estimated time left.")
    List<EventProcessorStatus> list() {
        return processors.statuses();
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getEventProcessor",
            summary = "Read one event processor")
    @ProblemAnswers(NOT_FOUND)
    EventProcessorStatus get(@PathVariable String name) {
        return processors.status(name);
    }

    @PostMapping("/{name}/replay")
    @Operation(operationId = "replayEventProcessor",
            summary = "Replay a projection", description = "Rebuilds its read model from the first event; "
            + "the campaign projections build a new index or collection while queries read the live one, and swap "
            + "it in once caught up. Follow the progress in the processor's status (rebuild). Needs every segment of the projection: 409 while "
            + "another instance holds some, 503 on an instance without the query role.")
    @ProblemAnswers({NOT_FOUND, CONFLICT, UNAVAILABLE})
    EventProcessorStatus replay(@PathVariable String name) {
        return processors.replay(name);
    }
}
