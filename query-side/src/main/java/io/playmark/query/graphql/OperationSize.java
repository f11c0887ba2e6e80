package io.playmark.query.graphql;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The size of one operation, measured on the parsed document before validation:
 * <ul>
 *     <li>{@code depth}: the most fields nested inside one another ({@code { campaigns { edges { node { id } } } } }
 *     is 4); fragments add no level of their own;</li>
 *     <li>{@code complexity}: every field counts 1, and a field with a {@code first} argument counts its children
 *     {@code first} times (the value given, else the schema's default), since that many items each resolve them;</li>
 *     <li>{@code aliases}: aliased fields.</li>
 * </ul>
 * A fragment counts wherever it is spread. Each fragment is measured once (its size does not depend on where it is
 * spread), so a document whose fragments spread each other many times over is measured in time linear in its length;
 * a spread of a fragment already being measured (a cycle, which validation rejects later) counts nothing.
 */
record OperationSize(int depth, long complexity, long aliases) {

    private static final OperationSize NOTHING = new OperationSize(0, 0, 0);

    /** The operation named {@code operationName}; with no name, the largest of the document's operations. */
    static OperationSize of(Document document, String operationName, Map<String, Object> variables,
                            GraphQLSchema schema) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        OperationSize largest = NOTHING;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null || operationName.equals(operation.getName())) {
                OperationSize size = new Walk(schema, fragments, variables, operation).measure();
                largest = new OperationSize(Math.max(largest.depth, size.depth),
                        Math.max(largest.complexity, size.complexity), Math.max(largest.aliases, size.aliases));
            }
        }
        return largest;
    }

    private OperationSize plus(OperationSize other) {
        return new OperationSize(Math.max(depth, other.depth), saturatedSum(complexity, other.complexity),
                saturatedSum(aliases, other.aliases));
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedProduct(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** One operation's walk; types are followed where the schema knows them, so that {@code first}'s default is found. */
    private static final class Walk {

        private static final String PAGE_SIZE_ARGUMENT = "first";

        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private final OperationDefinition operation;
        private final Map<String, OperationSize> measuredFragments = new HashMap<>();
        private final Set<String> fragmentsBeingMeasured = new HashSet<>();

        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
             OperationDefinition operation) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables == null ? Map.of() : variables;
            this.operation = operation;
        }

        OperationSize measure() {
            GraphQLType root = switch (operation.getOperation()) {
                case MUTATION -> schema.getMutationType();
                case SUBSCRIPTION -> schema.getSubscriptionType();
                default -> schema.getQueryType();
            };
            return selections(operation.getSelectionSet(), root);
        }

        private OperationSize selections(SelectionSet selectionSet, GraphQLType type) {
            OperationSize total = NOTHING;
            if (selectionSet == null) {
                return total;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                total = total.plus(switch (selection) {
                    case Field field -> field(field, type);
                    case InlineFragment inline -> selections(inline.getSelectionSet(), inline.getTypeCondition() == null
                            ? type : schema.getType(inline.getTypeCondition().getName()));
                    case FragmentSpread spread -> fragment(spread.getName());
                    default -> NOTHING;
                });
            }
            return total;
        }

        private OperationSize field(Field field, GraphQLType parent) {
            GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                    ? container.getFieldDefinition(field.getName()) : null;
            GraphQLType fieldType = definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
            OperationSize children = selections(field.getSelectionSet(), fieldType);
            long complexity = saturatedSum(1, saturatedProduct(children.complexity, pageSize(field, definition)));
            return new OperationSize(children.depth + 1, complexity,
                    saturatedSum(children.aliases, field.getAlias() == null ? 0 : 1));
        }

        private OperationSize fragment(String name) {
            OperationSize measured = measuredFragments.get(name);
            if (measured != null) {
                return measured;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !fragmentsBeingMeasured.add(name)) {
                return NOTHING;
            }
            OperationSize size = selections(definition.getSelectionSet(),
                    schema.getType(definition.getTypeCondition().getName()));
            fragmentsBeingMeasured.remove(name);
            measuredFragments.put(name, size);
            return size;
        }

        /** How many items a field with a {@code first} argument returns at most; 1 for any other field. */
        private long pageSize(Field field, GraphQLFieldDefinition definition) {
            Long given = field.getArguments().stream().filter(a -> a.getName().equals(PAGE_SIZE_ARGUMENT))
                    // a variable left out has no number: the schema's default counts
                    .map(Argument::getValue).map(this::number).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
            if (given == null && definition != null) {
                GraphQLArgument argument = definition.getArgument(PAGE_SIZE_ARGUMENT);
                given = argument == null ? null : schemaDefault(argument);
            }
            return given == null ? 1 : Math.max(1, given);
        }

        private Long number(Value<?> value) {
            return switch (value) {
                case IntValue literal -> literal.getValue().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
                case VariableReference reference -> variable(reference.getName());
                default -> null;
            };
        }

        private Long variable(String name) {
            if (variables.get(name) instanceof Number number) {
                return number.longValue();
            }
            return operation.getVariableDefinitions().stream().filter(v -> v.getName().equals(name))
                    .map(VariableDefinition::getDefaultValue).filter(v -> v != null && !(v instanceof VariableReference))
                    .map(this::number).findFirst().orElse(null);
        }

        private static Long schemaDefault(GraphQLArgument argument) {
            if (!argument.hasSetDefaultValue()) {
                return null;
            }
            Object value = argument.getArgumentDefaultValue().getValue();
            return switch (value) {
                case IntValue literal -> literal.getValue().longValue();
                case Number number -> number.longValue();
                case null, default -> null;
            };
        }
    }
}
