package io.receivables.invoicing.document;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.phive.xrechnung.XRechnungValidation;
import com.helger.phive.zugferd.ZugferdValidation;

/**
 * phive (the validation engine of the Peppol testbed and many access points) with its published rule sets: Peppol BIS
 * Billing 3.0 (release 2026.5: UBL XSD, CEN EN 16931 and OpenPeppol Schematron), EN 16931 UBL 1.3.16 (XSD and CEN
 * Schematron), KoSIT's XRechnung 3.0.2 (XSD, CEN and XRechnung Schematron), EN 16931 CII 1.3.16 and ZUGFeRD 2.3.3 /
 * Factur-X 1.07.3 profile EN 16931 (XSD and Schematron). None of this project's code takes part in
 * deciding validity.
 */
final class PhiveValidators {

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = registry();

    static final PhiveValidators PEPPOL_INVOICE = new PhiveValidators(
            PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3);
    static final PhiveValidators PEPPOL_CREDIT_NOTE = new PhiveValidators(
            PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3);
    static final PhiveValidators EN16931_INVOICE = new PhiveValidators(EN16931Validation.VID_UBL_INVOICE_1316);
    static final PhiveValidators EN16931_CREDIT_NOTE = new PhiveValidators(EN16931Validation.VID_UBL_CREDIT_NOTE_1316);
    static final PhiveValidators XRECHNUNG_INVOICE = new PhiveValidators(
            XRechnungValidation.VID_XRECHNUNG_UBL_INVOICE_302);
    static final PhiveValidators XRECHNUNG_CREDIT_NOTE = new PhiveValidators(
            XRechnungValidation.VID_XRECHNUNG_UBL_CREDITNOTE_302);

    /** CEN's EN 16931 rules for the CII syntax (XSD D16B and CEN Schematron 1.3.16). */
    static final PhiveValidators EN16931_CII = new PhiveValidators(EN16931Validation.VID_CII_1316);
    /**
     * ZUGFeRD 2.3.3 (= Factur-X 1.07.3), profile EN 16931: the profile's own XSD and the FeRD/FNFE Schematron, which
     * checks the CII against what the EN 16931 profile allows.
     */
    static final PhiveValidators ZUGFERD_EN16931 = new PhiveValidators(ZugferdValidation.VID_ZUGFERD_2_3_3_EN16931);

    /** KoSIT's XRechnung 3.0.2 for the CII syntax (CII XSD, CEN and XRechnung Schematron). */
    static final PhiveValidators XRECHNUNG_CII = new PhiveValidators(XRechnungValidation.VID_XRECHNUNG_CII_302);

    private final IValidationExecutorSet<IValidationSourceXML> executors;

    private PhiveValidators(DVRCoordinate id) {
        executors = REGISTRY.getOfID(id);
        if (executors == null) {
            throw new IllegalStateException("phive has no rule set " + id);
        }
    }

    private static ValidationExecutorSetRegistry<IValidationSourceXML> registry() {
        ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
        PeppolValidation.initStandard(registry);
        EN16931Validation.initEN16931(registry);
        XRechnungValidation.initXRechnung(registry);
        ZugferdValidation.initZugferd(registry);
        return registry;
    }

    String name() {
        return executors.getID().getAsSingleID();
    }

    /** Every error (fatal rule or schema violation) phive reports; warnings are left out. */
    List<String> errors(byte[] xml) {
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), executors, ValidationSourceXML.create("document", parse(xml)));
        List<String> errors = new ArrayList<>();
        results.getAllErrors().forEach(error -> errors.add(error.getAsString(java.util.Locale.ENGLISH)));
        return errors;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("Not well-formed XML", e);
        }
    }
}
