namespace Provisioning.Core.Results;

/// <summary>The outcome of an operation that returns no data.</summary>
public readonly struct Result
{
    private Result(Outcome outcome, string? message)
    {
        Outcome = outcome;
        Message = message;
    }

    public Outcome Outcome { get; }

    public string? Message { get; }

    public bool IsOk => Outcome == Outcome.Ok;

    public static Result Ok() => default;

    public static implicit operator Result(Failure failure) => new(failure.Outcome, failure.Message);

    public Failure ToFailure() => IsOk ? throw new InvalidOperationException("An OK result is not a failure.") : new(Outcome, Message ?? string.Empty);
}
