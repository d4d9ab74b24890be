package io.receivables.dunning.delivery.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.paging.Page;
import io.receivables.common.problem.ProblemException;
import io.receivables.dunning.message.Message;
import io.receivables.dunning.message.MessageInvoice;
import io.receivables.dunning.message.repository.MessageInvoiceRepository;
import io.receivables.dunning.message.repository.MessageRepository;
import io.receivables.dunning.receivable.repository.DunningCustomerRepository;
import io.receivables.dunning.task.Task;
import io.receivables.dunning.task.repository.TaskRepository;
import io.smallrye.mutiny.Uni;

/** Messages with their invoices and tasks, for GET /messages/{id} and the communication log. Joins the caller's session. */
@ApplicationScoped
public class MessageViews {

    /** A message, the invoices it names, and its task (PHONE_TASK, once delivered; else null). */
    public record View(Message message, List<MessageInvoice> invoices, Task task) {
    }

    private final MessageRepository messages;
    private final MessageInvoiceRepository invoices;
    private final TaskRepository tasks;
    private final DunningCustomerRepository customers;

    @Inject
    public MessageViews(MessageRepository messages, MessageInvoiceRepository invoices, TaskRepository tasks,
            DunningCustomerRepository customers) {
        this.messages = messages;
        this.invoices = invoices;
        this.tasks = tasks;
        this.customers = customers;
    }

    public Uni<View> get(UUID id) {
        return messages.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No message " + id))
                .chain(message -> views(List.of(message)).map(views -> views.get(0)));
    }

    /** The customer's messages newest first; 404 not-found for a customer dunning does not know. */
    public Uni<Page<View>> ofCustomer(UUID customerId, String cursor, int limit) {
        // built first: it decodes the cursor, so a foreign one is a 400 whether or not the customer exists
        Uni<Page<Message>> messagesPage = messages.pageOfCustomer(customerId, cursor, limit);
        return customers.findById(customerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No customer " + customerId))
                .chain(() -> messagesPage)
                .chain(page -> views(page.items()).map(views -> new Page<>(views, page.nextCursor())));
    }

    private Uni<List<View>> views(List<Message> page) {
        List<UUID> ids = page.stream().map(m -> m.id).toList();
        return invoices.ofMessages(ids).chain(named -> tasks.forMessages(ids).map(found -> {
            Map<UUID, List<MessageInvoice>> byMessage = named.stream()
                    .collect(Collectors.groupingBy(i -> i.messageId));
            Map<UUID, Task> taskOf = found.stream().collect(Collectors.toMap(t -> t.messageId, Function.identity()));
            return page.stream().map(m -> new View(m, byMessage.getOrDefault(m.id, List.of()), taskOf.get(m.id)))
                    .toList();
        }));
    }
}
