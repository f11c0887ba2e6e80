package io.playmark.infra.operations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operators' view of the projections: position, lag and state, and replay. ADMIN only. */
@RestController
@RequestMapping("/api/v1/admin/processors")
class EventProcessorsController {

    private final EventProcessors processors;

    EventProcessorsController(EventProcessors processors) {
        this.processors = processors;
    }

    @GetMapping
    List<EventProcessorStatus> list() {
        return processors.statuses();
    }

    @GetMapping("/{name}")
    EventProcessorStatus get(@PathVariable String name) {
        return processors.status(name);
    }

    @PostMapping("/{name}/replay")
    EventProcessorStatus replay(@PathVariable String name) {
        return processors.replay(name);
    }
}
