package cn.medicare.campaign.contracts.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every consumer does for every record, made cheaper where Jackson 3.1 spends most of a payload's reading
 * (docs/delivery.md, "Session 39"): a date or an instant in its one wire form is read by hand, and a record is made
 * through its constructor's handle spread once, where Jackson spreads the arguments again for every object it makes
 * ({@code MethodHandle.invokeWithArguments}). Anything else takes Jackson's own path, and a constructor's refusal is
 * reported as Jackson reports it, so what is read and what is refused stay as they were.
 */
final class PayloadReadingModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    PayloadReadingModule() {
        super("insurance-contracts-reading");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializerModifier(new ValueDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == LocalDate.class) {
                    return new WireFormDeserializer(deserializer, WireTimes::wireDate);
                }
                return type == Instant.class ? new WireFormDeserializer(deserializer, WireTimes::wireInstant) : deserializer;
            }
        });
        context.addValueInstantiators(new ValueInstantiators.Base() {
            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier description,
                    ValueInstantiator instantiator) {
                return SpreadConstructor.of(instantiator);
            }
        });
    }

    /**
     * Text in the wire's form ({@link WireTimes}) read by hand; anything else, and every other token, as Jackson reads
     * it. A property with a pattern of its own ({@code @JsonFormat}) is read by Jackson alone, which holds it to it.
     */
    static final class WireFormDeserializer extends DelegatingDeserializer {

        private final Function<String, Object> byHand;

        WireFormDeserializer(ValueDeserializer<?> jacksons, Function<String, Object> byHand) {
            super(jacksons);
            this.byHand = byHand;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> jacksons) {
            return new WireFormDeserializer(jacksons, byHand);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            JsonFormat.Value format = findFormatOverrides(context, property, handledType());
            ValueDeserializer<?> contextual = super.createContextual(context, property);
            return format != null && format.hasPattern() && contextual instanceof DelegatingDeserializer ours
                    ? ours.getDelegatee() : contextual;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Object read = byHand.apply(parser.getString());
                if (read != null) {
                    return read;
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** Makes an object through its constructor's handle, spread for an array of arguments once. */
    static final class SpreadConstructor extends StdValueInstantiator {

        private final MethodHandle constructor;

        private SpreadConstructor(StdValueInstantiator jacksons, MethodHandle constructor) {
            super(jacksons);
            this.constructor = constructor;
        }

        /** Jackson's own instantiator where it is another kind, or its creator is no constructor taking the properties. */
        static ValueInstantiator of(ValueInstantiator jacksons) {
            if (jacksons.getClass() != StdValueInstantiator.class || jacksons.getWithArgsCreator() == null
                    || !(jacksons.getWithArgsCreator().getAnnotated() instanceof Constructor<?> made)) {
                return jacksons;
            }
            try {
                // Jackson has made its creators accessible, as it calls them; fixed arity, as it passes a varargs array as one
                MethodHandle handle = MethodHandles.publicLookup().unreflectConstructor(made).asFixedArity()
                        .asSpreader(Object[].class, made.getParameterCount())
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new SpreadConstructor((StdValueInstantiator) jacksons, handle);
            } catch (IllegalAccessException notCallable) {
                return jacksons;
            }
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
            try {
                return constructor.invokeExact(arguments);
            } catch (Error error) {
                throw error;
            } catch (Throwable refused) {
                // as Jackson reports a constructor's refusal, naming the class and the constructor's own message
                return context.handleInstantiationProblem(_valueClass, arguments, rewrapCtorProblem(context, refused));
            }
        }
    }
}
