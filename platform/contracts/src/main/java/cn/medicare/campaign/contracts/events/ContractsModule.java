package cn.medicare.campaign.contracts.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Wire formats of the contracts that must hold in any mapper that registers this module, whatever
 * that mapper's own feature settings are.
 */
final class ContractsModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    ContractsModule() {
        super("insurance-contracts");
        addSerializer(BigDecimal.class, new PlainDecimalSerializer());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        // Shape STRING beats WRITE_DATES_AS_TIMESTAMPS, so a service mapper cannot turn dates into numbers.
        context.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        context.configOverride(Instant.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }

    /** A JSON number would be read as floating point by some consumers; "1E+3" is not readable by people. */
    private static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {

        PlainDecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toPlainString());
        }
    }
}
