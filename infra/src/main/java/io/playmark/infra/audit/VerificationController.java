package io.playmark.infra.audit;

import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;

/**
 * Tamper evidence over REST. There is no operation that changes or removes an event: the event store is written by
 * commands only, which append.
 */
@RestController
@Tag(name = "Audit", description = "History, tamper evidence and search of the event store (AUDITOR and ADMIN)")
class VerificationController {

    private static final String VERIFICATIONS = "/api/v1/audit/verifications/";

    private final VerificationJobs verifications;

    VerificationController(VerificationJobs verifications) {
        this.verifications = verifications;
    }

    @GetMapping("/api/v1/audit/verify")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(operationId = "verifyEventStore", summary = "Start verifying the event store",
            description = "Starts a job that checks every event's hash chain and the checkpoints over the global "
                    + "order (or only one aggregate's chain, with both parameters) and answers at once with its "
                    + "record; follow it at the Location given. Each call starts a new verification.")
    @ApiResponse(responseCode = "202", description = "Started; the answer is its record as it stands")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    ResponseEntity<VerificationStatus> verify(
            @Parameter(description = "The aggregate's type, e.g. Campaign") @RequestParam(required = false)
            String aggregateType,
            @Parameter(description = "The aggregate's id") @RequestParam(required = false) String aggregateId,
            Authentication caller) {
        VerificationStatus started = verifications.start(aggregateType, aggregateId, caller.getName());
        return ResponseEntity.accepted().location(URI.create(VERIFICATIONS + started.id())).body(started);
    }

    @GetMapping(VERIFICATIONS + "{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(operationId = "getVerification", summary = "Read a verification",
            description = "Its progress while it runs; when completed, whether the store is clean and every break "
                    + "with its global position, aggregate and sequence number, and the hash expected.")
    @ProblemAnswers(NOT_FOUND)
    VerificationStatus get(@PathVariable String id) {
        return verifications.status(id);
    }
}
