package io.receivables.invoicing.document;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over StAX that indents, so the UBL a customer's accounting team opens is readable, and that turns the
 * checked {@link XMLStreamException} into an unchecked one: a writer over memory cannot fail for I/O reasons.
 */
final class XmlElements {

    private static final String INDENT = "  ";

    private final XMLStreamWriter xml;
    private int depth;
    private boolean lastWasStart;

    XmlElements(XMLStreamWriter xml) {
        this.xml = xml;
    }

    void startDocument(String namespace, String localName) {
        run(() -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(namespace);
            xml.writeStartElement(namespace, localName);
            xml.writeDefaultNamespace(namespace);
        });
        depth = 1;
        lastWasStart = true;
    }

    void declareNamespace(String prefix, String namespace) {
        run(() -> {
            xml.setPrefix(prefix, namespace);
            xml.writeNamespace(prefix, namespace);
        });
    }

    void start(String namespace, String localName) {
        newLine();
        run(() -> xml.writeStartElement(namespace, localName));
        depth++;
        lastWasStart = true;
    }

    void end() {
        depth--;
        if (!lastWasStart) {
            newLine();
        }
        run(xml::writeEndElement);
        lastWasStart = false;
    }

    /** An element with text content and optionally one attribute (name, value). */
    void text(String namespace, String localName, String text, String... attribute) {
        newLine();
        run(() -> {
            xml.writeStartElement(namespace, localName);
            if (attribute.length == 2) {
                xml.writeAttribute(attribute[0], attribute[1]);
            }
            xml.writeCharacters(text);
            xml.writeEndElement();
        });
        lastWasStart = false;
    }

    void endDocument() {
        end();
        run(() -> {
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        });
    }

    private void newLine() {
        run(() -> xml.writeCharacters("\n" + INDENT.repeat(depth)));
    }

    @FunctionalInterface
    private interface XmlAction {
        void run() throws XMLStreamException;
    }

    private static void run(XmlAction action) {
        try {
            action.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
    }
}
