# Reference values for RankGap, FavorableShareGap and gaps against a reference segment or of an
# intersection, computed in R independently of the library from the bundled data sets.
# Usage: Rscript gap_reference.R DATA_DIR   (R 4.2.2 with the survey package 4.1-1: Debian r-base-core,
# r-cran-survey). Prints, with 17 significant digits:
#   rank DATA DIM SEGMENT n1 n2 W p rank_biserial hodges_lehmann ciLow ciHigh
#   share DATA DIM SEGMENT rS rRest seS seRest difference p ciLow ciHigh cohens_h
#   welch DATA DIM SEGMENT VERSUS difference p hedges_g ciLow ciHigh
# SEGMENT is attr=value or attr=value;attr=value; VERSUS is "rest" or a segment.
suppressMessages({ library(jsonlite); library(survey) })
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "."

load_set <- function(name, instrument) {
  data <- read.csv(file.path(dir, name), stringsAsFactors = FALSE)
  inst <- fromJSON(file.path(dir, instrument), simplifyVector = FALSE)
  scale_of <- function(q) if (!is.null(q$scale)) q$scale else inst$scale
  dims <- list()
  for (d in inst$dimensions) {
    qs <- Filter(function(q) q$dimension == d$id, inst$questions)
    coded <- sapply(qs, function(q) { s <- scale_of(q); x <- data[[q$id]]
      if (isTRUE(q$reverse)) s$min + s$max - x else x })
    coded <- matrix(coded, ncol = length(qs))
    fav <- sapply(qs, function(q) scale_of(q)$favorableFrom)
    m <- ncol(coded); answered <- rowSums(!is.na(coded))
    score <- ifelse(answered >= ceiling(m / 2), rowMeans(coded, na.rm = TRUE), NA)
    f <- rowSums(sweep(coded, 2, fav, ">="), na.rm = TRUE)
    dims[[d$id]] <- list(score = score, f = f, a = answered)
  }
  list(data = data, dims = dims)
}

member <- function(set, segment) {
  inS <- rep(TRUE, nrow(set$data))
  for (part in strsplit(segment, ";")[[1]]) {
    kv <- strsplit(part, "=")[[1]]
    inS <- inS & as.character(set$data[[kv[1]]]) == kv[2]
  }
  inS
}

g17 <- function(...) paste(sprintf("%.17g", c(...)), collapse = " ")

rank_line <- function(name, set, dim, segment) {
  inS <- member(set, segment); s <- set$dims[[dim]]$score; ok <- !is.na(s)
  x <- s[inS & ok]; y <- s[!inS & ok]; n1 <- length(x); n2 <- length(y)
  w <- wilcox.test(x, y, exact = FALSE, correct = TRUE)
  W <- unname(w$statistic)
  NTIES <- table(rank(c(x, y)))
  SIGMA <- sqrt((n1 * n2 / 12) * ((n1 + n2 + 1) - sum(NTIES^3 - NTIES) / ((n1 + n2) * (n1 + n2 - 1))))
  d <- sort(as.vector(outer(x, y, "-")))
  C <- floor(n1 * n2 / 2 - qnorm(0.975) * SIGMA)
  cat("rank", name, dim, segment, n1, n2, g17(W, w$p.value, 2 * W / (n1 * n2) - 1, median(d),
      d[C], d[n1 * n2 + 1 - C]), "\n")
}

share_line <- function(name, set, dim, segment) {
  inS <- member(set, segment); dd <- set$dims[[dim]]
  ratio <- function(rows) {
    g <- data.frame(f = dd$f[rows & dd$a > 0], a = dd$a[rows & dd$a > 0])
    r <- suppressWarnings(svyratio(~f, ~a, svydesign(ids = ~1, data = g)))
    c(unname(coef(r)), unname(SE(r)))
  }
  s <- ratio(inS); r <- ratio(!inS)
  difference <- s[1] - r[1]; se <- sqrt(s[2]^2 + r[2]^2)
  cat("share", name, dim, segment, g17(s[1], r[1], s[2], r[2], difference,
      2 * pnorm(-abs(difference / se)), difference - qnorm(0.975) * se, difference + qnorm(0.975) * se,
      2 * asin(sqrt(s[1])) - 2 * asin(sqrt(r[1]))), "\n")
}

welch_line <- function(name, set, dim, segment, versus) {
  s <- set$dims[[dim]]$score; ok <- !is.na(s); inS <- member(set, segment)
  inV <- if (versus == "rest") !inS else member(set, versus)
  x <- s[inS & ok]; y <- s[inV & ok]; n1 <- length(x); n2 <- length(y)
  t <- t.test(x, y, var.equal = FALSE)
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
  g <- (mean(x) - mean(y)) / sp * (1 - 3 / (4 * (n1 + n2) - 9))
  cat("welch", name, dim, segment, versus, g17(mean(x) - mean(y), t$p.value, g, t$conf.int[1],
      t$conf.int[2]), "\n")
}

lq <- load_set("lq2002.csv", "lq2002.instrument.json")
lqm <- load_set("lq2002_missing.csv", "lq2002.instrument.json")
at <- load_set("attrition.csv", "attrition.instrument.json")
companies <- c("company=C13", "company=C14", "company=C25", "company=C38", "company=C46")
for (dim in c("leadership", "significance", "civility")) {
  for (seg in companies) {
    rank_line("lq2002", lq, dim, seg); share_line("lq2002", lq, dim, seg)
    rank_line("lq2002_missing", lqm, dim, seg); share_line("lq2002_missing", lqm, dim, seg)
  }
  welch_line("lq2002", lq, dim, "company=C38", "company=C25")
  welch_line("lq2002", lq, dim, "company=C13", "company=C25")
}
for (dim in c("satisfaction", "engagement")) {
  for (seg in c("gender=Female", "gender=Male", "overtime=Yes")) {
    rank_line("attrition", at, dim, seg); share_line("attrition", at, dim, seg)
  }
  welch_line("attrition", at, dim, "gender=Female;overtime=Yes", "rest")
  welch_line("attrition", at, dim, "gender=Male;overtime=No", "rest")
}
