namespace Provisioning.Bench.Feed;

/// <summary>The server answered something a working feed would not: the run's figures are not to be used.</summary>
public sealed class WrongAnswerException(string message) : Exception(message)
{
    public WrongAnswerException()
        : this("wrong answer")
    {
    }

    public WrongAnswerException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
