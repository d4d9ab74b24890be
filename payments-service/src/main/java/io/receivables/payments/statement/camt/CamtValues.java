package io.receivables.payments.statement.camt;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

import org.glassfish.jaxb.core.Locatable;

/** Small conversions every version's mapper needs. */
final class CamtValues {

    private CamtValues() {
    }

    /** The line the element of a bound object starts on (XJC's -Xlocator), or 0. */
    static int line(Object bound) {
        if (bound instanceof Locatable locatable && locatable.sourceLocation() != null) {
            return locatable.sourceLocation().getLineNumber();
        }
        return 0;
    }

    /**
     * The calendar day a camt date or date-time names, as written: a booking "2026-03-02T23:30:00+01:00" is booked on
     * the 2nd at the bank, whatever day it is in UTC.
     */
    static LocalDate date(XMLGregorianCalendar date, XMLGregorianCalendar dateTime) {
        XMLGregorianCalendar value = date != null ? date : dateTime;
        if (value == null || value.getYear() == DatatypeConstants.FIELD_UNDEFINED
                || value.getMonth() == DatatypeConstants.FIELD_UNDEFINED
                || value.getDay() == DatatypeConstants.FIELD_UNDEFINED) {
            return null;
        }
        try {
            return LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String account(String iban, String other) {
        String value = iban != null ? iban : other;
        return value == null ? null : value.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
