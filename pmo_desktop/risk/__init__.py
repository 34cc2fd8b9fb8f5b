"""The risk engine: scores, bands, the 5x5 matrix, trends, exposure over time and the top risks.

Pure: plain frozen inputs (`RaidItemInput`, `ScorePoint`) in, plain results out. It depends on the domain
(and the `tr` of `pmo_desktop.i18n` for labels) only; the services turn stored rows into its inputs.
"""

from pmo_desktop.risk.exposure import ExposurePoint, exposure_series
from pmo_desktop.risk.history import ScoreHistory
from pmo_desktop.risk.items import RaidItemInput, ScorePoint
from pmo_desktop.risk.matrix import MatrixCell, RiskMatrix, risk_matrix
from pmo_desktop.risk.periods import check_period, week_starts
from pmo_desktop.risk.proximity import proximity_label, proximity_rank
from pmo_desktop.risk.ranking import top_risks
from pmo_desktop.risk.scoring import (
    SCALE,
    RiskAssessment,
    RiskBand,
    RiskScore,
    ScoreBasis,
    assess,
    band_of,
    human_id,
)
from pmo_desktop.risk.trend import Trend, item_trend, trends

__all__ = [
    "SCALE",
    "ExposurePoint",
    "MatrixCell",
    "RaidItemInput",
    "RiskAssessment",
    "RiskBand",
    "RiskMatrix",
    "RiskScore",
    "ScoreBasis",
    "ScoreHistory",
    "ScorePoint",
    "Trend",
    "assess",
    "band_of",
    "check_period",
    "exposure_series",
    "human_id",
    "item_trend",
    "proximity_label",
    "proximity_rank",
    "risk_matrix",
    "top_risks",
    "trends",
    "week_starts",
]
