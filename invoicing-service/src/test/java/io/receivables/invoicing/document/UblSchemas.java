package io.receivables.invoicing.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official OASIS UBL 2.1 schemas, as com.helger.ubl:ph-ubl21 ships them. That copy imports the CCTS, XML-DSig
 * and XAdES schemas by namespace only (no schemaLocation); the resolver below supplies them from the
 * com.helger.xsd:ph-xsds-* jars, exactly as the OASIS distribution bundles them beside its own files.
 */
final class UblSchemas {

    private static final Map<String, String> IMPORTED_BY_NAMESPACE = Map.of(
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2",
            "schemas/CCTS_CCT_SchemaModule.xsd",
            "http://www.w3.org/2000/09/xmldsig#", "schemas/xmldsig-core-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "schemas/XAdES01903v132-201601.xsd",
            "http://uri.etsi.org/01903/v1.4.1#", "schemas/XAdES01903v141-201601.xsd");

    // after the map: loading resolves the imports through it
    static final Schema INVOICE = load("external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd");
    static final Schema CREDIT_NOTE = load("external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd");

    private UblSchemas() {
    }

    /** Every schema violation in the document; empty when it is valid. */
    static List<String> violations(Schema schema, byte[] xml) {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static Schema load(String resource) {
        URL url = resource(resource);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new ByNamespace(factory.getResourceResolver()));
        try {
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot load the UBL schema " + resource, e);
        }
    }

    private static URL resource(String name) {
        URL url = UblSchemas.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        return url;
    }

    private record ByNamespace(LSResourceResolver fallback) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                String baseUri) {
            String resource = systemId == null ? IMPORTED_BY_NAMESPACE.get(namespace) : null;
            if (resource == null) {
                return fallback == null ? null
                        : fallback.resolveResource(type, namespace, publicId, systemId,
                                baseUri);
            }
            return new ClassPathInput(resource(resource).toExternalForm());
        }
    }

    /** An LSInput the parser reads from its system id. */
    private record ClassPathInput(String getSystemId) implements LSInput {
        // @formatter:off
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return null; }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
        // @formatter:on
    }
}
