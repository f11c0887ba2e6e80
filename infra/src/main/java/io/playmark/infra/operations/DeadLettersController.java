package io.playmark.infra.operations;

import io.playmark.infra.operations.DeadLetters.DeadLetterView;
import io.playmark.infra.operations.DeadLetters.RetryOutcome;
import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static io.playmark.kernel.ErrorKind.NOT_FOUND;

/** Events projections could not handle, parked in their dead-letter queues: list, retry, drop. ADMIN only. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Operations", description = "Projections' positions, lag and replay (ADMIN only)")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "List parked events",
            description = "Every event a projection could not handle, per processing group and sequence (aggregate), "
                    + "in the order they wait, with the error.")
    List<DeadLetterView> list() {
        return deadLetters.list();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "Read one parked event")
    @ProblemAnswers(NOT_FOUND)
    DeadLetterView get(@PathVariable String id) {
        return deadLetters.get(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(operationId = "retryDeadLetter", summary = "Retry a parked sequence",
            description = "Handles the parked event's sequence again from its first parked event, in order; the "
                    + "events that succeed leave the queue, a failure parks the rest again with one more retry.")
    @ProblemAnswers(NOT_FOUND)
    RetryOutcome retry(@PathVariable String id) {
        return deadLetters.retry(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "dropDeadLetter", summary = "Drop a parked event",
            description = "Removes it from the queue for good: the projection never handles it. Later events of its "
                    + "sequence stay parked until retried.")
    @ApiResponse(responseCode = "204", description = "Dropped")
    @ProblemAnswers(NOT_FOUND)
    void drop(@PathVariable String id) {
        deadLetters.drop(id);
    }
}
