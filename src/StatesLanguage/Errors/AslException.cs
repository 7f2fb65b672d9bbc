namespace StatesLanguage.Errors;

/// <summary>Base of every exception the States Language engine throws.</summary>
public abstract class AslException : Exception
{
    protected AslException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
