package io.receivables.payments.statement.camt;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;

import io.receivables.payments.statement.ParsedStatement;
import io.receivables.payments.statement.StatementEntry;
import io.receivables.payments.statement.StatementErrors;
import io.receivables.payments.statement.StatementFormat;
import io.receivables.payments.statement.StatementLimits;
import io.receivables.payments.statement.StatementRejectedException;

/**
 * camt.053 and camt.054 (001.02 and 001.08) through the JAXB classes generated from the ISO 20022 XSDs.
 * <p>
 * The XML is read by the JDK's StAX parser with DTDs and external entities off, and a document with a DOCTYPE is
 * refused outright: a bank statement never needs one, and refusing it closes XXE and entity expansion ("billion
 * laughs") whatever the parser would do with it. The schema is not enforced while reading: real bank files break it in
 * harmless ways (a redacted BIC, a country code the schema does not know), so the file is judged on what a payment
 * needs, and each problem is reported with the entry and the field.
 */
public final class CamtReader {

    private static final Map<StatementFormat, JAXBContext> CONTEXTS = new EnumMap<>(StatementFormat.class);

    private CamtReader() {
    }

    /** @throws StatementRejectedException naming what is wrong, with its line */
    public static ParsedStatement read(byte[] xml, StatementLimits limits) {
        XMLStreamReader reader = null;
        try {
            reader = secureFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            StatementFormat format = rootFormat(reader);
            StatementErrors errors = new StatementErrors();
            Object document = unmarshal(reader, format, errors, xml);
            errors.throwIfAny();
            List<String> statementIds = new ArrayList<>();
            List<EntryFacts> facts = switch (format) {
                case CAMT_053_001_02 -> Camt053V02
                        .entries((io.receivables.payments.statement.camt.v053v02.Document) document, statementIds);
                case CAMT_053_001_08 -> Camt053V08
                        .entries((io.receivables.payments.statement.camt.v053v08.Document) document, statementIds);
                case CAMT_054_001_02 -> Camt054V02
                        .entries((io.receivables.payments.statement.camt.v054v02.Document) document, statementIds);
                case CAMT_054_001_08 -> Camt054V08
                        .entries((io.receivables.payments.statement.camt.v054v08.Document) document, statementIds);
                case CSV -> throw new IllegalStateException("not XML");
            };
            int transactions = facts.stream().mapToInt(f -> Math.max(1, f.transactions().size())).sum();
            if (transactions > limits.maxEntries()) {
                throw StatementRejectedException.tooLarge("Ntry", "the file holds " + transactions
                        + " entries and batch transactions; one import takes at most " + limits.maxEntries());
            }
            if (facts.isEmpty()) {
                throw StatementRejectedException.invalid("Ntry", "the " + format.namespace()
                        + " document holds no entry (Stmt/Ntry or Ntfctn/Ntry)");
            }
            List<StatementEntry> entries = new ArrayList<>(transactions);
            for (EntryFacts entry : facts) {
                if (entry.account() == null) {
                    errors.add(entry.path().substring(0, entry.path().indexOf('/')) + "/Acct/Id",
                            "the account (IBAN or Othr/Id) is missing");
                    continue;
                }
                CamtEntries.addTo(entries, entry, errors);
            }
            errors.throwIfAny();
            return new ParsedStatement(format, statementIds, entries);
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } finally {
            close(reader);
        }
    }

    /** Moves to the root element, refusing a DOCTYPE, and tells the camt version from its namespace. */
    private static StatementFormat rootFormat(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw StatementRejectedException.invalid("DOCTYPE", "is not allowed in a bank statement (line "
                        + reader.getLocation().getLineNumber() + "): camt needs no DTD, and one can carry entities that"
                        + " read files or expand without end");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String namespace = reader.getNamespaceURI();
                StatementFormat format = StatementFormat.ofNamespace(namespace);
                if (!"Document".equals(reader.getLocalName()) || format == null) {
                    throw StatementRejectedException.invalid("Document", "the root element is {"
                            + (namespace == null ? "" : namespace) + "}" + reader.getLocalName()
                            + "; expected a Document in one of " + supportedNamespaces());
                }
                return format;
            }
        }
        throw StatementRejectedException.invalid("Document", "the XML has no root element");
    }

    private static Object unmarshal(XMLStreamReader reader, StatementFormat format, StatementErrors errors,
            byte[] xml) {
        try {
            Unmarshaller unmarshaller = context(format).createUnmarshaller();
            unmarshaller.setEventHandler(event -> {
                if (event.getSeverity() == ValidationEvent.WARNING) {
                    return true;
                }
                int line = event.getLocator() == null ? 0 : event.getLocator().getLineNumber();
                errors.add("line " + line, excerpt(xml, line) + message(event));
                return event.getSeverity() != ValidationEvent.FATAL_ERROR;
            });
            return unmarshaller.unmarshal(reader, documentClass(format)).getValue();
        } catch (JAXBException e) {
            if (e.getLinkedException() instanceof XMLStreamException notXml) {
                throw notWellFormed(notXml);
            }
            if (!errors.isEmpty()) {
                errors.throwIfAny();
            }
            throw StatementRejectedException.invalid("Document", "could not be read: " + e.getMessage());
        }
    }

    /**
     * The line JAXB could not read, as written, so that the error shows the element and value
     * ({@code <Amt Ccy="EUR">600,00</Amt>}): JAXB's own message names neither.
     */
    static String excerpt(byte[] xml, int line) {
        if (line <= 0) {
            return "";
        }
        int start = 0;
        for (int current = 1; current < line && start < xml.length; start++) {
            if (xml[start] == '\n') {
                current++;
            }
        }
        int end = start;
        while (end < xml.length && xml[end] != '\n' && end - start < 200) {
            end++;
        }
        String text = new String(xml, start, end - start, java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : text + ": ";
    }

    private static String message(ValidationEvent event) {
        String message = event.getMessage() == null ? "unreadable value" : event.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static Class<?> documentClass(StatementFormat format) {
        return switch (format) {
            case CAMT_053_001_02 -> io.receivables.payments.statement.camt.v053v02.Document.class;
            case CAMT_053_001_08 -> io.receivables.payments.statement.camt.v053v08.Document.class;
            case CAMT_054_001_02 -> io.receivables.payments.statement.camt.v054v02.Document.class;
            case CAMT_054_001_08 -> io.receivables.payments.statement.camt.v054v08.Document.class;
            case CSV -> throw new IllegalArgumentException("not XML");
        };
    }

    /** One context per version, built on first use (a few hundred ms) and shared: JAXBContext is thread-safe. */
    private static JAXBContext context(StatementFormat format) throws JAXBException {
        synchronized (CONTEXTS) {
            JAXBContext context = CONTEXTS.get(format);
            if (context == null) {
                context = JAXBContext.newInstance(documentClass(format));
                CONTEXTS.put(format, context);
            }
            return context;
        }
    }

    /**
     * The JDK's own StAX implementation (not whichever one the class path brings), with DTDs and external entities off
     * and no external access at all.
     */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static StatementRejectedException notWellFormed(XMLStreamException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
        String message = e.getMessage() == null ? ""
                : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
        return StatementRejectedException.invalid("line " + line, "is not well-formed XML: " + message.strip());
    }

    private static String supportedNamespaces() {
        List<String> namespaces = new ArrayList<>();
        for (StatementFormat format : StatementFormat.values()) {
            if (format.namespace() != null) {
                namespaces.add(format.namespace());
            }
        }
        return String.join(", ", namespaces);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was held open: the input is an in-memory array
            }
        }
    }
}
