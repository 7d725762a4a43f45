// TEMPORARY until the enrolment branch lands IEnrolmentCompletion in Abstractions; removed at that merge.
namespace Academy.Enrolment.Abstractions;

public interface IEnrolmentCompletion
{
    Task<EnrolmentResult> MarkCompletedAsync(long enrolmentId, string actorUserId, CancellationToken cancellationToken = default);
}
