package io.receivables.payments.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Realistic bank lines for the cash-application benchmark (issue 10, part 12): a set of open invoices and payments of
 * them whose remittance text is as messy as real payers write it, each line with the invoices a correct match pays
 * (its ground truth). Deterministic for a seed. Render the lines with {@link #csv} or
 * {@link CamtStatementGenerator#camt053}.
 * <p>
 * How to measure with it: create the {@link DataSet#invoices()} (customers by {@link Invoice#customerName()} with
 * {@link Invoice#customerIban()} as a known payer account), import the lines, then for each line compare what was
 * applied automatically with {@link Line#pays()}: applied to exactly those = a match; applied to any other invoice = a
 * wrong match (must be 0); nothing applied = not matched (fine for lines whose {@code pays} is empty).
 */
public final class BankLineGenerator {

    /** An open invoice the lines pay. {@code amount} is its open amount. */
    public record Invoice(String number, String customerName, String customerIban, BigDecimal amount, String currency,
            String creditorReference) {
    }

    /** How the payer referred to what they paid. */
    public enum Style {
        /** the invoice's ISO 11649 reference, structured */
        RF_REFERENCE,
        /** the number as printed, in free text with noise around it */
        EXACT_NUMBER,
        /** the number with other separators, spacing or case: "inv 2026 000042", "INV2026-000042" */
        MANGLED_NUMBER,
        /** the number without its prefix, or without leading zeros: "2026-000042", "Rechnung 2026/42" */
        NO_PREFIX,
        /** two invoices of one customer in one payment, both numbers in the text */
        TWO_INVOICES,
        /** no reference at all: a known payer account and exactly one open invoice of that customer with this amount */
        AMOUNT_ONLY,
        /** a number quoted, but less paid: the invoice is paid in part */
        PARTIAL,
        /** a mistyped number that names no invoice, and an amount that fits none: must stay unapplied */
        TYPO,
        /** an unknown payer, no reference, an amount that fits no single invoice: must stay unapplied */
        UNIDENTIFIABLE
    }

    /**
     * One bank line.
     *
     * @param pays the ground truth: the invoice numbers a correct automatic match pays (empty: none)
     */
    public record Line(String bankReference, LocalDate bookingDate, BigDecimal amount, String currency,
            String payerName, String payerIban, String remittance, String creditorReference, Style style,
            List<String> pays) {
    }

    public record DataSet(List<Invoice> invoices, List<Line> lines) {

        public long count(Style style) {
            return lines.stream().filter(l -> l.style() == style).count();
        }

        /**
         * Scores what a matcher applied automatically against the ground truth.
         *
         * @param applied per line's {@link Line#bankReference()}, the invoice numbers it was applied to (absent or
         *        empty: left unapplied)
         */
        public Score score(Map<String, List<String>> applied) {
            int matched = 0;
            int wrong = 0;
            int unmatched = 0;
            int expected = 0;
            for (Line line : lines) {
                List<String> got = applied.getOrDefault(line.bankReference(), List.of());
                if (!line.pays().isEmpty()) {
                    expected++;
                }
                if (!line.pays().containsAll(got)) {
                    wrong++;
                } else if (!got.isEmpty() && got.size() == line.pays().size()) {
                    matched++;
                } else if (!line.pays().isEmpty()) {
                    unmatched++;
                }
            }
            return new Score(lines.size(), expected, matched, wrong, unmatched);
        }
    }

    /**
     * @param matchable lines a correct matcher pays (non-empty {@link Line#pays()})
     * @param matched lines applied to exactly their invoices
     * @param wrong lines applied to any invoice they do not pay (must be 0)
     * @param unmatched matchable lines left unapplied or applied to only part of their invoices
     */
    public record Score(int lines, int matchable, int matched, int wrong, int unmatched) {

        /** Matched lines per matchable line. */
        public double matchRate() {
            return matchable == 0 ? 0 : (double) matched / matchable;
        }
    }

    private static final String[] COMPANIES = { "Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta",
            "Iota", "Kappa", "Lambda", "Omikron", "Sigma", "Tau", "Ypsilon", "Phi", "Chi", "Psi", "Omega", "Nordlicht",
            "Sonnen", "Berg", "Tal", "Fluss", "Stern", "Hafen", "Werk", "Kontor", "Atelier", "Maison" };
    private static final String[] FORMS = { "GmbH", "AG", "SARL", "SAS", "BV", "Ltd", "Oy", "SpA", "KG", "e.K." };
    private static final String[] LEAD_INS = { "", "Rechnung ", "Rg. ", "Rg-Nr. ", "Invoice ", "Inv. ", "Facture n° ",
            "RE: ", "Payment for ", "Zahlung ", "/INV/", "Ref ", "Beleg " };
    private static final String[] NOISE = { "", " vielen Dank", " thank you", " KD-Nr C-%d", " vom %s", " Kunde C-%d",
            " merci", " EREF+NOTPROVIDED", " SVWZ+", " / Auftrag A-%d", " Betrag EUR %s" };
    private static final String[] VAGUE = { "Zahlung", "Payment", "Thanks", "Ueberweisung", "Sammelzahlung", "Akonto",
            "Vorauszahlung", "Gutschrift", "Transfer", "Payment received with thanks" };

    private BankLineGenerator() {
    }

    /** {@code lines} lines paying invoices of about {@code lines / 6} customers, invoice numbers of 2026. */
    public static DataSet generate(long seed, int lines) {
        Random random = new Random(seed);
        int customers = Math.max(10, lines / 6);
        List<String> names = new ArrayList<>();
        List<String> ibans = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            names.add(COMPANIES[c % COMPANIES.length] + " " + (c / COMPANIES.length + 1) + " "
                    + FORMS[random.nextInt(FORMS.length)]);
            ibans.add(germanIban(100_000_000L + c * 7919L));
        }
        // about 1.3 invoices per line: every line has fresh invoices, and some stay open as distractors
        int invoiceCount = lines + lines * 3 / 10 + 10;
        List<Invoice> invoices = new ArrayList<>();
        Map<Integer, List<Invoice>> byCustomer = new HashMap<>();
        Map<Invoice, Integer> customerOf = new HashMap<>();
        for (int i = 1; i <= invoiceCount; i++) {
            int customer = random.nextInt(customers);
            String number = String.format(Locale.ROOT, "INV-2026-%06d", i);
            BigDecimal amount = BigDecimal.valueOf(5_000 + random.nextInt(2_000_000), 2);
            Invoice invoice = new Invoice(number, names.get(customer), ibans.get(customer), amount, "EUR",
                    CreditorReferences.rf(number.replace("-", "")));
            invoices.add(invoice);
            byCustomer.computeIfAbsent(customer, k -> new ArrayList<>()).add(invoice);
            customerOf.put(invoice, customer);
        }
        Set<String> used = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        invoices.forEach(inv -> numbers.add(inv.number()));
        List<Line> out = new ArrayList<>();
        Style[] styles = Style.values();
        int[] weights = { 20, 15, 12, 8, 10, 10, 5, 5, 15 };
        int next = 0;
        LocalDate day = LocalDate.of(2026, 3, 2);
        for (int l = 0; l < lines; l++) {
            Style style = pick(styles, weights, random);
            String reference = String.format(Locale.ROOT, "BL-%06d", l + 1);
            LocalDate booked = day.plusDays(l % 20);
            // find the next invoice not paid yet
            while (used.contains(invoices.get(next % invoices.size()).number())) {
                next++;
            }
            Invoice invoice = invoices.get(next % invoices.size());
            int customer = customerOf.get(invoice);
            Line line = switch (style) {
                case RF_REFERENCE -> new Line(reference, booked, invoice.amount(), "EUR", payer(invoice, random),
                        invoice.customerIban(), noise(random, ""), invoice.creditorReference(), style,
                        List.of(invoice.number()));
                case EXACT_NUMBER -> paying(reference, booked, invoice, text(random, invoice.number()), style, random);
                case MANGLED_NUMBER -> paying(reference, booked, invoice, text(random, mangle(invoice.number(), random)),
                        style, random);
                case NO_PREFIX -> paying(reference, booked, invoice, text(random, noPrefix(invoice.number(), random)),
                        style, random);
                case TWO_INVOICES -> {
                    Invoice second = byCustomer.get(customer).stream()
                            .filter(i -> i != invoice && !used.contains(i.number())).findFirst().orElse(null);
                    if (second == null) {
                        yield paying(reference, booked, invoice, text(random, invoice.number()), Style.EXACT_NUMBER,
                                random);
                    }
                    used.add(second.number());
                    String joined = LEAD_INS[random.nextInt(LEAD_INS.length)] + invoice.number()
                            + (random.nextBoolean() ? " + " : ", ") + second.number().substring(random.nextBoolean() ? 4 : 0);
                    yield new Line(reference, booked, invoice.amount().add(second.amount()), "EUR",
                            payer(invoice, random), invoice.customerIban(), joined + noise(random, ""), null, style,
                            List.of(invoice.number(), second.number()));
                }
                case AMOUNT_ONLY -> {
                    boolean unique = byCustomer.get(customer).stream()
                            .filter(i -> i.amount().compareTo(invoice.amount()) == 0).count() == 1;
                    yield new Line(reference, booked, invoice.amount(), "EUR", payer(invoice, random),
                            invoice.customerIban(), VAGUE[random.nextInt(VAGUE.length)], null, style,
                            unique ? List.of(invoice.number()) : List.of());
                }
                case PARTIAL -> {
                    BigDecimal part = invoice.amount().multiply(BigDecimal.valueOf(30 + random.nextInt(50)))
                            .movePointLeft(2).setScale(2, java.math.RoundingMode.DOWN);
                    yield new Line(reference, booked, part, "EUR", payer(invoice, random), invoice.customerIban(),
                            text(random, invoice.number()) + " Teilzahlung", null, style, List.of(invoice.number()));
                }
                case TYPO -> {
                    String typo = typo(invoice.number(), numbers, random);
                    yield new Line(reference, booked, oddAmount(random), "EUR", payer(invoice, random),
                            invoice.customerIban(), text(random, typo), null, style, List.of());
                }
                case UNIDENTIFIABLE -> new Line(reference, booked, oddAmount(random), "EUR",
                        "Private " + (char) ('A' + random.nextInt(26)) + ". " + COMPANIES[random.nextInt(COMPANIES.length)],
                        germanIban(900_000_000L + l), VAGUE[random.nextInt(VAGUE.length)] + noise(random, ""), null,
                        style, List.of());
            };
            if (!line.pays().isEmpty() || style == Style.TYPO || style == Style.AMOUNT_ONLY) {
                used.add(invoice.number());
                next++;
            }
            out.add(line);
        }
        return new DataSet(List.copyOf(invoices), List.copyOf(out));
    }

    /** The lines in the CSV layout of docs/bank-statements.md. */
    public static String csv(List<Line> lines) {
        StringBuilder csv = new StringBuilder(
                "bankReference,bookingDate,valueDate,amount,currency,payerName,payerAccount,remittance,creditorReference\n");
        for (Line line : lines) {
            csv.append(line.bankReference()).append(',').append(line.bookingDate()).append(',')
                    .append(line.bookingDate()).append(',').append(line.amount().toPlainString()).append(',')
                    .append(line.currency()).append(',').append(quote(line.payerName())).append(',')
                    .append(line.payerIban()).append(',').append(quote(line.remittance())).append(',')
                    .append(line.creditorReference() == null ? "" : line.creditorReference()).append('\n');
        }
        return csv.toString();
    }

    private static Line paying(String reference, LocalDate booked, Invoice invoice, String text, Style style,
            Random random) {
        return new Line(reference, booked, invoice.amount(), "EUR", payer(invoice, random), invoice.customerIban(),
                text, null, style, List.of(invoice.number()));
    }

    private static String payer(Invoice invoice, Random random) {
        // banks shorten and upper-case names
        String name = invoice.customerName();
        return switch (random.nextInt(3)) {
            case 0 -> name;
            case 1 -> name.toUpperCase(Locale.ROOT);
            default -> name.length() > 12 ? name.substring(0, 12) : name;
        };
    }

    private static String text(Random random, String reference) {
        return noise(random, LEAD_INS[random.nextInt(LEAD_INS.length)] + reference);
    }

    private static String noise(Random random, String text) {
        String pattern = NOISE[random.nextInt(NOISE.length)];
        String noise = pattern.contains("%d") ? String.format(Locale.ROOT, pattern, 10_000 + random.nextInt(89_999))
                : pattern.contains("%s") ? String.format(Locale.ROOT, pattern, pattern.contains("vom") ? "02.03.2026"
                        : "1.190,00") : pattern;
        return (text + noise).strip().isEmpty() ? "Zahlung" : (text + noise).strip();
    }

    private static String mangle(String number, Random random) {
        String digits = number.substring(4); // 2026-000042
        return switch (random.nextInt(5)) {
            case 0 -> "inv " + digits.replace('-', ' ');
            case 1 -> "INV" + digits;
            case 2 -> "Inv-" + digits.replace("-", "");
            case 3 -> "INV - " + digits.replace("-", " - ");
            default -> number.toLowerCase(Locale.ROOT).replace("-", "");
        };
    }

    private static String noPrefix(String number, Random random) {
        String digits = number.substring(4);
        return random.nextBoolean() ? digits
                : digits.substring(0, 4) + "/" + Integer.parseInt(digits.substring(5));
    }

    private static String typo(String number, Set<String> numbers, Random random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            char[] chars = number.toCharArray();
            int position = 9 + random.nextInt(6);
            chars[position] = (char) ('0' + (chars[position] - '0' + 1 + random.nextInt(8)) % 10);
            String candidate = new String(chars);
            if (!numbers.contains(candidate)) {
                return candidate;
            }
        }
        return number.substring(0, 9) + "99" + number.substring(11) + "X";
    }

    /** An amount with 7 in the last cent place and above every generated invoice: no single invoice equals it. */
    private static BigDecimal oddAmount(Random random) {
        return BigDecimal.valueOf(2_100_007L + random.nextInt(1_000_000) * 10L, 2);
    }

    private static <T> T pick(T[] values, int[] weights, Random random) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** A German IBAN with a valid check for a made-up account at a made-up bank code. */
    static String germanIban(long account) {
        String bban = "37040044" + String.format(Locale.ROOT, "%010d", account % 10_000_000_000L);
        // DE = 13 14, check digits 00 while computing
        java.math.BigInteger value = new java.math.BigInteger(bban + "131400");
        int check = 98 - value.mod(java.math.BigInteger.valueOf(97)).intValue();
        return "DE" + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }
}
