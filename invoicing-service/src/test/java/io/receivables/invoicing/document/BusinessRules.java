package io.receivables.invoicing.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import net.sf.saxon.TransformerFactoryImpl;

/**
 * The EN 16931 (CEN) and Peppol BIS Billing 3.0 (OpenPeppol) business rules, run as their publishers ship them:
 * Schematron compiled to XSLT 2.0, from com.helger.phive.rules, executed with Saxon-HE. Each run yields an SVRL
 * report; a failed assertion flagged "fatal" is what an access point would reject the document for.
 */
final class BusinessRules {

    static final BusinessRules EN16931 = new BusinessRules(
            "external/schematron/1.3.15/ubl/EN16931-UBL-validation.xslt");
    static final BusinessRules PEPPOL = new BusinessRules(
            "external/schematron/openpeppol/2026.5/xslt/PEPPOL-EN16931-UBL.xslt");

    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";

    private final String resource;
    private Templates compiled;

    private BusinessRules(String resource) {
        this.resource = resource;
    }

    /** Fatal rule violations as "[rule id] message"; warnings are left out. */
    List<String> fatalViolations(byte[] xml) {
        DOMResult report = new DOMResult();
        try {
            templates().newTransformer().transform(new StreamSource(new ByteArrayInputStream(xml)), report);
        } catch (TransformerException e) {
            throw new IllegalStateException("Running " + resource + " failed", e);
        }
        List<String> fatal = new ArrayList<>();
        NodeList failed = ((org.w3c.dom.Document) report.getNode()).getElementsByTagNameNS(SVRL, "failed-assert");
        for (int i = 0; i < failed.getLength(); i++) {
            Element assertion = (Element) failed.item(i);
            if ("fatal".equals(assertion.getAttribute("flag")) || assertion.getAttribute("flag").isEmpty()) {
                fatal.add(text(assertion) + " at " + assertion.getAttribute("location"));
            }
        }
        return fatal;
    }

    /** Compiling a rule set takes seconds: once per test run. */
    private synchronized Templates templates() {
        if (compiled == null) {
            try (InputStream xslt = BusinessRules.class.getClassLoader().getResourceAsStream(resource)) {
                if (xslt == null) {
                    throw new IllegalStateException(resource + " is not on the test class path");
                }
                compiled = new TransformerFactoryImpl().newTemplates(new StreamSource(xslt, resource));
            } catch (IOException | TransformerException e) {
                throw new IllegalStateException("Cannot compile " + resource, e);
            }
        }
        return compiled;
    }

    private static String text(Node node) {
        return node.getTextContent().replaceAll("\\s+", " ").strip();
    }
}
