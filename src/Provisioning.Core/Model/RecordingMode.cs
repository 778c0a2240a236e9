namespace Provisioning.Core.Model;

/// <summary>How an extension is recorded. The wire names are FULL, ON_DEMAND, CONTROLLED, CONTROLLED_AUTO_START, DO_NOT_RECORD.</summary>
public enum RecordingMode
{
    Full = 1,
    OnDemand = 2,
    Controlled = 3,
    ControlledAutoStart = 4,
    DoNotRecord = 5,
}
