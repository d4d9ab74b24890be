package io.receivables.dunning.template;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The account customers are asked to pay to, as reminders print it (receivables.dunning.bank.*). */
@ConfigMapping(prefix = "receivables.dunning.bank")
public interface BankDetails {

    @WithDefault("Receivables Demo GmbH")
    String accountHolder();

    @WithDefault("DE89370400440532013000")
    String iban();

    @WithDefault("COBADEFFXXX")
    String bic();

    @WithDefault("Demo Bank")
    String bankName();
}
