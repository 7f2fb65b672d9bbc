namespace StatesLanguage.Validation;

/// <summary>Stable codes of <see cref="AslDiagnostic"/>, modelled on the codes AWS's ValidateStateMachineDefinition
/// reports.</summary>
public static class AslDiagnosticCodes
{
    public const string InvalidJson = "INVALID_JSON_DESCRIPTION";
    public const string MissingField = "MISSING_REQUIRED_FIELD";
    public const string InvalidFieldValue = "INVALID_FIELD_VALUE";
    public const string FieldNotAllowed = "FIELD_NOT_ALLOWED";
    public const string InvalidStateType = "INVALID_STATE_TYPE";
    public const string InvalidJsonPath = "INVALID_JSON_PATH";
    public const string InvalidReferencePath = "INVALID_REFERENCE_PATH";
    public const string InvalidIntrinsic = "INVALID_INTRINSIC_FUNCTION";
    public const string MissingTransition = "MISSING_TRANSITION";
    public const string NextAndEnd = "NEXT_AND_END";
    public const string MissingTransitionTarget = "MISSING_TRANSITION_TARGET";
    public const string StartAtMissing = "MISSING_START_AT_TARGET";
    /// <summary>AWS reports a state nothing routes to with the code of a missing target.</summary>
    public const string UnreachableState = "MISSING_TRANSITION_TARGET";
    /// <summary>AWS's code for a graph without a terminal state.</summary>
    public const string NoTerminalState = "MISSING_END_STATE";
    public const string StatesAllNotLast = "STATES_ALL_NOT_LAST";
    public const string ExactlyOneRequired = "EXACTLY_ONE_REQUIRED";
    public const string MutuallyExclusive = "MUTUALLY_EXCLUSIVE_FIELDS";
    public const string InvalidChoiceRule = "INVALID_CHOICE_RULE";
    public const string NameTooLong = "STATE_NAME_TOO_LONG";
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";
    public const string UnsupportedQueryLanguage = "UNSUPPORTED_QUERY_LANGUAGE";
    /// <summary>A JSONata expression that does not parse (AWS's code).</summary>
    public const string InvalidJsonata = "INVALID_JSONATA_EXPRESSION";
    /// <summary>A JSONata expression that reads what Step Functions does not give it: a name at the top level, <c>$$</c>,
    /// <c>$states.result</c> or <c>$states.errorOutput</c> where they do not exist (AWS's code and messages).</summary>
    public const string UnsupportedJsonata = "UNSUPPORTED_JSONATA_EXPRESSION";
    /// <summary>A variable name that is not a Unicode identifier of at most 80 characters.</summary>
    public const string InvalidVariableName = "INVALID_VARIABLE_NAME";
    /// <summary>A branch or iteration assigning a variable that an enclosing scope assigns.</summary>
    public const string VariableInOuterScope = "VARIABLE_ASSIGNED_IN_OUTER_SCOPE";
    public const string VariableNotAssigned = "VARIABLE_NOT_ASSIGNED";
    public const string FieldNotInQueryLanguage = "FIELD_NOT_IN_QUERY_LANGUAGE";
    /// <summary>Valid on AWS but not run by this engine (Distributed Map ItemReader, ItemBatcher, ResultWriter).</summary>
    public const string UnsupportedFeature = "UNSUPPORTED_FEATURE";
}
