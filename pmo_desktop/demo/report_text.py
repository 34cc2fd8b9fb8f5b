"""What the realistic demo's status reports say when a dimension is amber or red, and the RAG stories.

A story is a project's overall RAG over its last four quarters of delivery, oldest first; a project that
started more recently tells only the end of it (earlier reports are mobilisation). The `pressure`
dimension follows the story and explains it in the comment. `{vendor}` and `{system}` are filled from the project.
"""

from pmo_desktop.domain.enums import Rag

G, A, R = Rag.GREEN, Rag.AMBER, Rag.RED

STORIES: dict[str, tuple[Rag, Rag, Rag, Rag]] = {
    "steady": (G, G, G, G),
    "wobble": (G, G, A, G),
    "slipping": (G, G, A, R),
    "troubled": (A, A, R, R),
    "recovering": (R, R, A, G),
}

DIMENSIONS = ("schedule", "cost", "scope", "resource")

COMMENTS: dict[tuple[str, Rag], tuple[str, ...]] = {
    ("schedule", A): (
        "{vendor} is two weeks behind on the next drop; the float on the critical path is almost used up.",
        "Testing started late after environment problems; the go-live date holds but has no slack left.",
    ),
    ("schedule", R): (
        "{vendor} delivered late again and the go-live date is at risk; a re-plan goes to the steering "
        "group this month.",
        "The critical path has slipped by five weeks against the baseline; recovery options are being costed.",
    ),
    ("cost", A): (
        "The forecast is 6% over budget after contractor rate rises; savings are being sought in testing.",
        "Run costs of {system} are tracking above the business case; a FinOps review is under way.",
    ),
    ("cost", R): (
        "The forecast exceeds the approved budget by more than 10%; a contingency change request is raised.",
        "Overspend on licences and extended contractor time; the sponsor has asked for a revised business case.",
    ),
    ("scope", A): (
        "Change requests from key customers await design authority review; scope is not yet stable.",
        "Requirements for reporting are still moving; the BA is running extra workshops to close them.",
    ),
    ("scope", R): (
        "Scope has grown beyond the approved business case; the sponsor must decide what moves to phase 2.",
        "Requirements sign-off was withdrawn after the operations review; design is paused on two areas.",
    ),
    ("resource", A): (
        "Two roles are unfilled and the team shares its specialists with other projects.",
        "The solution architect is split across four projects; design reviews are queueing.",
    ),
    ("resource", R): (
        "The team is short of developers after two left; critical-path work is paused.",
        "No developer capacity until the WMS recovery frees people; the steering group paused new work.",
    ),
}

ON_TRACK = (
    "On track against the baseline.",
    "Delivery is on plan and within budget.",
    "Progress is in line with the plan; no escalations this period.",
)
MOBILISING = (
    "Mobilising: business case approved, project manager appointed and the team being onboarded.",
    "In mobilisation: governance set up, suppliers engaged and the plan being baselined.",
)
