"""Who the realistic demo is about: Kestrel Freight Group, a mid-size UK logistics firm, and its change portfolio.

Everything here is fixed data; the seed only varies durations, amounts and dates around it. Projects are
listed in generation order: a project that another one depends on comes first, which keeps cross-project
links pointing backwards and the dependency graph acyclic.
"""

from dataclasses import dataclass

from pmo_desktop.demo.phases import (
    DATA,
    DEV,
    Phase,
    build,
    deployment,
    design,
    discovery,
    hypercare,
    initiation,
    testing,
)
from pmo_desktop.domain.enums import DependencyType, Stage

COMPANY = "Kestrel Freight Group"
DOMAIN = "kestrelfreight.co.uk"
APP = "PMO Desktop 0.1.0"


@dataclass(frozen=True)
class ObjectiveSpec:
    code: str
    title: str
    owner: str
    measure: str
    target: str


@dataclass(frozen=True)
class ProgrammeSpec:
    name: str
    description: str
    sponsor: str
    manager: str
    colour: str
    objectives: tuple[str, ...]


@dataclass(frozen=True)
class CrossLink:
    """A link into this project from a task of an earlier project."""

    project: str
    predecessor: str
    successor: str
    kind: DependencyType = DependencyType.FS
    lag: int = 0


@dataclass(frozen=True)
class ProjectSpec:
    """One project. `offset` is its start in days from today, or its finish when `ends_at_offset` is set
    (closed and cancelled projects are anchored by when they ended). `pace` stretches every duration.
    `slip` is how many working days the work from `slip_since` (days from today) slipped since the first
    baseline; `story` and `pressure` drive the RAG trend of its status reports."""

    code: str
    name: str
    description: str
    programme: int
    stage: Stage
    priority: int
    budget: int
    colour: str
    sponsor: str
    manager: str
    offset: int
    pace: float
    phases: tuple[Phase, ...]
    objectives: tuple[tuple[str, int], ...] = ()
    links: tuple[CrossLink, ...] = ()
    tentative: bool = False
    ends_at_offset: bool = False
    resume: tuple[int, int] | None = None
    system: str = "the new platform"
    legacy: str = "the legacy system"
    vendor: str = "the supplier"
    slip: int = 0
    slip_since: int = -120
    story: str = "steady"
    pressure: str = "schedule"
    overrun: float = 1.0


OBJECTIVES = (
    ObjectiveSpec(
        "SO1",
        "Modernise warehouse and transport operations",
        "Margaret Ellison",
        "Share of consignments handled on modern platforms",
        "85% of volume by the end of FY",
    ),
    ObjectiveSpec(
        "SO2",
        "Deliver a best-in-class customer experience",
        "Daniel Osei",
        "Net Promoter Score of B2B customers",
        "+12 points year on year",
    ),
    ObjectiveSpec(
        "SO3",
        "Lower the cost to serve through data and automation",
        "Alistair McBride",
        "Operating cost per consignment",
        "8% below the FY baseline",
    ),
)

PROGRAMMES = (
    ProgrammeSpec(
        "Warehouse Transformation",
        "Replace the warehouse and yard systems and refresh site hardware.",
        "Margaret Ellison",
        "Sarah Whitfield",
        "#2F9E44",
        ("SO1", "SO3"),
    ),
    ProgrammeSpec(
        "Customer & Digital",
        "Self-service, tracking and partner channels for B2B customers.",
        "Daniel Osei",
        "Fiona Campbell",
        "#1971C2",
        ("SO2",),
    ),
    ProgrammeSpec(
        "Data & Platforms",
        "Cloud hosting, the enterprise data platform and finance automation.",
        "Rebecca Thornton",
        "James Okonkwo",
        "#7048E8",
        ("SO3", "SO1"),
    ),
)

PROJECTS = (
    ProjectSpec(
        "DCX",
        "Data Centre Exit to Azure",
        "Move the Northampton data centre workloads to Azure before the hosting contract ends.",
        2,
        Stage.ACTIVE,
        2,
        1_650_000,
        "#5C7CFA",
        "Rebecca Thornton",
        "James Okonkwo",
        -280,
        1.5,
        (
            initiation(),
            design("Landing zone and network design"),
            build((("Azure landing zone", DEV), ("Workload migration factory", DEV))),
            testing(),
            deployment(("Wave 1 workloads", "Wave 2 workloads")),
        ),
        system="Azure",
        legacy="the Northampton data centre",
        vendor="Cirrane Cloud Services",
        story="wobble",
        pressure="cost",
        overrun=1.18,
    ),
    ProjectSpec(
        "EDP",
        "Enterprise Data Platform",
        "A lakehouse that gives operations, finance and customers one version of shipment and cost data.",
        2,
        Stage.ACTIVE,
        1,
        1_200_000,
        "#845EF7",
        "Rebecca Thornton",
        "James Okonkwo",
        -290,
        1.0,
        (
            initiation(),
            discovery(),
            design("Data model and lineage design"),
            build((("Ingestion pipelines", DATA), ("Customer 360 data model", DATA))),
            testing(),
            deployment(("Operational reporting",)),
        ),
        objectives=(("SO3", 70), ("SO2", 30)),
        links=(CrossLink("DCX", "Azure landing zone: ready for SIT", "Ingestion pipelines: build and configure"),),
        system="the lakehouse",
        legacy="the legacy data warehouse",
        vendor="Brightwater Analytics",
        story="steady",
        pressure="resource",
    ),
    ProjectSpec(
        "WMS",
        "Warehouse Management System Replacement",
        "Replace the 20-year-old WMS at the Daventry, Leeds and Bristol distribution centres.",
        0,
        Stage.ACTIVE,
        1,
        2_400_000,
        "#2B8A3E",
        "Margaret Ellison",
        "Sarah Whitfield",
        -300,
        1.0,
        (
            initiation(),
            discovery(),
            design("Data migration design"),
            build((("Inbound and putaway", DEV), ("Pick, pack and despatch", DEV), ("Carrier integration", DEV))),
            testing(),
            deployment(("Daventry DC", "Leeds and Bristol DCs")),
            hypercare(),
        ),
        objectives=(("SO1", 80), ("SO3", 20)),
        system="Stratus WMS",
        legacy="the legacy WMS",
        vendor="Corvid Software",
        slip=25,
        slip_since=-100,
        story="slipping",
        pressure="schedule",
        overrun=1.22,
    ),
    ProjectSpec(
        "RFH",
        "RF Handheld Scanner Refresh",
        "Replace end-of-life handheld scanners and mobile printers across all sites.",
        0,
        Stage.ACTIVE,
        3,
        380_000,
        "#69DB7C",
        "Margaret Ellison",
        "Claire Donnelly",
        -220,
        1.0,
        (
            initiation(),
            design("Device and Wi-Fi survey"),
            build((("Device build and MDM", DEV),)),
            testing(),
            deployment(("All sites",)),
        ),
        links=(
            CrossLink(
                "WMS",
                "Carrier integration: ready for SIT",
                "Device build and MDM: component testing",
                DependencyType.FF,
                5,
            ),
        ),
        system="the new handhelds",
        legacy="the old scanners",
        vendor="Zenvia Devices",
        story="steady",
        pressure="resource",
    ),
    ProjectSpec(
        "TRK",
        "Real-Time Shipment Tracking API",
        "Publish live consignment events to customers and the portal through a public API.",
        1,
        Stage.ACTIVE,
        2,
        640_000,
        "#339AF0",
        "Daniel Osei",
        "Fiona Campbell",
        -190,
        0.9,
        (
            initiation(),
            design("Event schema and API contract"),
            build((("Event streaming API", DEV),)),
            testing(),
            deployment(("Public API",)),
        ),
        objectives=(("SO2", 100),),
        links=(
            CrossLink(
                "EDP",
                "Ingestion pipelines: ready for SIT",
                "Event streaming API: component testing",
                DependencyType.SS,
                5,
            ),
        ),
        system="the tracking API",
        legacy="the overnight tracking feed",
        vendor="Helix Integration",
        slip=10,
        slip_since=-60,
        story="troubled",
        pressure="resource",
    ),
    ProjectSpec(
        "CSP",
        "Customer Self-Service Portal",
        "Let customers book collections, track consignments and download invoices online.",
        1,
        Stage.ACTIVE,
        1,
        950_000,
        "#1C7ED6",
        "Daniel Osei",
        "Fiona Campbell",
        -265,
        1.05,
        (
            initiation(),
            discovery(),
            design("Customer journey prototypes"),
            build((("Booking and quoting", DEV), ("Invoices and account", DEV))),
            testing(),
            deployment(("Pilot customers", "All customers")),
            hypercare(),
        ),
        objectives=(("SO2", 90), ("SO3", 10)),
        links=(CrossLink("TRK", "Go-live: Public API", "User acceptance testing"),),
        system="the customer portal",
        legacy="phone and email bookings",
        vendor="Northlight Digital",
        slip=8,
        slip_since=-30,
        story="wobble",
        pressure="scope",
    ),
    ProjectSpec(
        "CRM",
        "CRM Consolidation onto Dynamics 365",
        "Retire three regional CRMs and move sales and account management onto Dynamics 365.",
        1,
        Stage.ACTIVE,
        2,
        820_000,
        "#4DABF7",
        "Daniel Osei",
        "Rajesh Patel",
        -245,
        1.0,
        (
            initiation(),
            discovery(),
            design("Customer data migration design"),
            build((("Sales pipeline configuration", DEV), ("Account data migration", DATA))),
            testing(),
            deployment(("Sales teams",)),
        ),
        objectives=(("SO2", 60), ("SO3", 40)),
        links=(
            CrossLink("EDP", "Customer 360 data model: ready for SIT", "Account data migration: build and configure"),
        ),
        system="Dynamics 365",
        legacy="the regional CRMs",
        vendor="Fairway Consulting",
        story="recovering",
        pressure="scope",
        overrun=1.12,
    ),
    ProjectSpec(
        "EDI",
        "EDI Partner Onboarding Automation",
        "Self-service onboarding of retailer EDI partners to cut onboarding from six weeks to one.",
        1,
        Stage.ON_HOLD,
        4,
        300_000,
        "#E8590C",
        "Daniel Osei",
        "Rajesh Patel",
        -280,
        0.9,
        (
            initiation(),
            discovery(),
            design("Partner mapping templates"),
            build((("Partner onboarding workflow", DEV),)),
        ),
        objectives=(("SO2", 50), ("SO3", 50)),
        resume=(3, 95),
        system="the onboarding workflow",
        legacy="the EDI gateway",
        vendor="Helix Integration",
        story="troubled",
        pressure="resource",
    ),
    ProjectSpec(
        "YMS",
        "Yard Management and Dock Scheduling",
        "Book dock slots for hauliers and track trailers in the yard at Daventry.",
        0,
        Stage.APPROVED,
        3,
        520_000,
        "#8CE99A",
        "Margaret Ellison",
        "Sarah Whitfield",
        45,
        1.6,
        (initiation(), discovery(), design("Dock slot booking rules"), build((("Dock scheduling", DEV),))),
        objectives=(("SO1", 100),),
        tentative=True,
        links=(CrossLink("WMS", "Go-live: Daventry DC", "Dock scheduling: build and configure"),),
        system="the yard system",
        legacy="whiteboards and spreadsheets",
        vendor="Corvid Software",
    ),
    ProjectSpec(
        "ASP",
        "Automated Sortation Pilot, Midlands Hub",
        "Trial automated parcel sortation at the Midlands hub before a wider business case.",
        0,
        Stage.PROPOSED,
        4,
        240_000,
        "#FAB005",
        "Margaret Ellison",
        "Rajesh Patel",
        120,
        1.2,
        (initiation(), discovery()),
        objectives=(("SO1", 60), ("SO3", 40)),
        tentative=True,
        system="the sorter",
        legacy="manual sortation",
        vendor="Vortek Automation",
    ),
    ProjectSpec(
        "FIA",
        "Freight Invoice Audit Automation",
        "Match carrier invoices to consignments automatically and flag overcharges.",
        2,
        Stage.CLOSED,
        3,
        260_000,
        "#AE3EC9",
        "Alistair McBride",
        "Claire Donnelly",
        -40,
        0.7,
        (
            initiation(),
            design("Matching rules design"),
            build((("Invoice matching engine", DEV),)),
            testing(),
            deployment(("Accounts payable",)),
        ),
        objectives=(("SO3", 100),),
        ends_at_offset=True,
        system="the matching engine",
        legacy="manual invoice checks",
        vendor="Ledgerline",
        story="recovering",
        pressure="cost",
    ),
    ProjectSpec(
        "ROE",
        "Route Optimisation Engine",
        "Dynamic route planning for the trunking fleet; stopped "
        "after discovery when the telematics contract was renegotiated.",
        2,
        Stage.CANCELLED,
        5,
        150_000,
        "#868E96",
        "Rebecca Thornton",
        "Claire Donnelly",
        -110,
        1.0,
        (initiation(), discovery()),
        objectives=(("SO3", 100),),
        ends_at_offset=True,
        system="the routing engine",
        legacy="the planners' spreadsheets",
        vendor="Pathwise",
        story="slipping",
        pressure="cost",
    ),
)
