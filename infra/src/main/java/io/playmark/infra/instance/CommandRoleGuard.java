package io.playmark.infra.instance;

import io.playmark.kernel.UnavailableException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * An instance without the {@code command} role takes no commands: a mutation sent to it is refused as
 * unavailable, before anything is loaded or written, and the caller can send it to a command instance.
 * (The interceptor is not a bean itself: Axon would register every interceptor bean, on every instance.)
 */
@Component
class CommandRoleGuard {

    CommandRoleGuard(CommandBus commandBus, PlaymarkInstance instance) {
        if (!instance.has(InstanceRole.COMMAND)) {
            MessageDispatchInterceptor<CommandMessage<?>> refuse = messages -> (index, command) -> {
                throw new UnavailableException("This Playmark instance (roles " + instance.roleNames()
                        + ") does not handle changes; send them to an instance with the command role");
            };
            commandBus.registerDispatchInterceptor(refuse);
        }
    }
}
