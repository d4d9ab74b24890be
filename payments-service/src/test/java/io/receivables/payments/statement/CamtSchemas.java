package io.receivables.payments.statement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/**
 * The official XSDs (src/main/xsd, copied with their SOURCE note), to check that the test files are real camt: a parser
 * tested on files the schema refuses would prove little.
 */
public final class CamtSchemas {

    private static final Map<StatementFormat, Schema> SCHEMAS = new EnumMap<>(StatementFormat.class);

    private CamtSchemas() {
    }

    /** @throws AssertionError naming the line and the schema's complaint when {@code xml} is not valid camt */
    public static StatementFormat validate(byte[] xml) {
        StatementFormat format = format(xml);
        try {
            schema(format).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            return format;
        } catch (SAXException e) {
            throw new AssertionError("not valid " + format + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static StatementFormat format(byte[] xml) {
        try {
            XMLStreamReader reader = XMLInputFactory.newDefaultFactory()
                    .createXMLStreamReader(new ByteArrayInputStream(xml));
            reader.nextTag();
            StatementFormat format = StatementFormat.ofNamespace(reader.getNamespaceURI());
            if (format == null) {
                throw new AssertionError("not a camt namespace we have the schema of: " + reader.getNamespaceURI());
            }
            return format;
        } catch (XMLStreamException e) {
            throw new AssertionError("not XML: " + e.getMessage(), e);
        }
    }

    private static synchronized Schema schema(StatementFormat format) throws SAXException {
        Schema schema = SCHEMAS.get(format);
        if (schema == null) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            String file = format.namespace().substring(format.namespace().lastIndexOf(':') + 1) + ".xsd";
            schema = factory.newSchema(Path.of("src/main/xsd", file).toFile());
            SCHEMAS.put(format, schema);
        }
        return schema;
    }
}
