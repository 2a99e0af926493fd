package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.GapFixtures;
import dev.belonging.scoring.RealData;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.SegmentStatistics;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportSchema;
import dev.belonging.scoring.report.ShownSegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link RankGap}, {@link FavorableShareGap}, a gap against a reference segment and gaps of intersections
 * equal R on the bundled data sets, to 1e-9 relative (1e-7 for p-values below 1e-10).
 *
 * <p>{@link #R_OUTPUT} is the output of {@code Rscript gap_reference.R shared/data} (the script is the test
 * resource {@code dev/belonging/scoring/gaps/gap_reference.R}; R 4.2.2, survey 4.1-1), which scores the
 * respondents as {@code make_reference.R} does and then calls, for a segment's scores {@code x} and the
 * others' {@code y}:
 *
 * <ul>
 *   <li>{@code rank}: {@code wilcox.test(x, y, exact = FALSE, correct = TRUE)} ({@code W}, {@code p.value}),
 *       the rank-biserial {@code 2 * W / (n1 * n2) - 1}, {@code median(outer(x, y, "-"))} and the interval
 *       {@code d[C]}, {@code d[n1 * n2 + 1 - C]} of {@code d <- sort(outer(x, y, "-"))} with {@code C <-
 *       floor(n1 * n2 / 2 - qnorm(0.975) * SIGMA)}, {@code SIGMA} as in {@code wilcox.test} from {@code
 *       table(rank(c(x, y)))};
 *   <li>{@code share}: for the segment's and the others' members with at least one answer,
 *       {@code svyratio(~f, ~a, svydesign(ids = ~1, data = g))} of favorable answers {@code f} over answers
 *       {@code a} ({@code coef}, {@code SE}), then {@code d <- rS - rRest}, {@code se <- sqrt(seS^2 +
 *       seRest^2)}, {@code 2 * pnorm(-abs(d / se))}, {@code d -/+ qnorm(0.975) * se} and {@code 2 *
 *       asin(sqrt(rS)) - 2 * asin(sqrt(rRest))};
 *   <li>{@code welch}: {@code t.test(x, y, var.equal = FALSE)} with {@code y} the rest or a reference
 *       segment, and Hedges' g as in {@code make_reference.R}.
 * </ul>
 */
class RDetectorReferenceTest {

  /** Line formats: see {@code gap_reference.R}; a trailing backslash continues a line. */
  static final String R_OUTPUT = """
      rank lq2002 leadership company=C13 99 1943 99776 0.52939229358895901 0.037404409509401715 \
      0.090909090909090828 -0.090909090909090828 0.1818181818181821
      share lq2002 leadership company=C13 0.3985307621671258 0.3997099143779535 0.032440158228019024 \
      0.0071383591095029045 -0.0011791522108277053 0.97168164836973892 -0.066281828705581719 \
      0.063923524283926308 -0.0024078216001881536
      rank lq2002_missing leadership company=C13 99 1943 99867 0.51917943327608118 0.038350566914643114 \
      0.063636363636363935 -0.10000000000000009 0.20833333333333348
      share lq2002_missing leadership company=C13 0.39980353634577603 0.40004971414367385 0.033155693904389438 \
      0.0071894700171599513 -0.00024617779789781746 0.99421038563278774 -0.066740350420160424 \
      0.066247994824364789 -0.00050252370109449274
      rank lq2002 leadership company=C14 10 2032 7872 0.21847150441728083 -0.22519685039370074 \
      -0.27272727272727293 -0.81818181818181834 0.1818181818181821
      share lq2002 leadership company=C14 0.24545454545454545 0.40041159627773804 0.071774056256527344 \
      0.0069923493780089403 -0.15495705082319258 0.031651578269545594 -0.29629760965928537 \
      -0.013616491987099799 -0.33361042753190406
      rank lq2002_missing leadership company=C14 10 2032 7976 0.24030417252120756 -0.21496062992125986 \
      -0.28181818181818175 -0.87272727272727257 0.21818181818181825
      share lq2002_missing leadership company=C14 0.24299065420560748 0.40083705887948257 0.073130581304604925 \
      0.0070474932184276797 -0.15784640467387509 0.031676808417678656 -0.30184373390361513 \
      -0.013849075444135051 -0.34021366727088354
      rank lq2002 leadership company=C25 41 2001 24130 6.1251360902693398e-06 -0.41175753586621322 \
      -0.54545454545454541 -0.81818181818181834 -0.36363636363636376
      share lq2002 leadership company=C25 0.2039911308203991 0.40366180546090591 0.025748322111605087 \
      0.0070656648437733829 -0.19967067464050681 7.5317964546860179e-14 -0.25200206946275505 \
      -0.14733927981825859 -0.43967126015053182
      rank lq2002_missing leadership company=C25 41 2001 24769 1.3653588086461689e-05 -0.39617995880108725 \
      -0.55555555555555536 -0.80909090909090908 -0.31313131313131315
      share lq2002_missing leadership company=C25 0.21167883211678831 0.40377376701090628 0.028855502024454395 \
      0.0071178589696618676 -0.19209493489411797 1.0237818916940026e-10 -0.25034590578273036 \
      -0.13384396400550561 -0.42095221439595754
      rank lq2002 leadership company=C38 30 2012 46526 3.3604636365762376e-07 0.5416169648774023 \
      0.72727272727272707 0.45454545454545459 1
      share lq2002 leadership company=C38 0.69696969696969702 0.39521959154165914 0.054149263559673373 \
      0.0069819789315119377 0.30175010542803787 3.2610899935353017e-08 0.1947409041565995 0.40875930669947624 \
      0.61603943128700545
      rank lq2002_missing leadership company=C38 30 2012 46343 4.5813297265024138e-07 0.53555334658714382 \
      0.72727272727272707 0.45454545454545459 1
      share lq2002_missing leadership company=C38 0.68888888888888888 0.39566721106734559 0.05522435979840571 \
      0.0070386525313470751 0.29322167782154329 1.3864491274695143e-07 0.18410830625695507 0.40233504938613152 \
      0.59760534384672148
      rank lq2002 leadership company=C46 90 1952 94388.5 0.23090703513604147 0.074550318761384293 \
      0.090909090909090828 -0.090909090909090828 0.27272727272727293
      share lq2002 leadership company=C46 0.41414141414141414 0.39898472429210136 0.033291864851809565 \
      0.0071296491480012407 0.015156689849312788 0.65619467985025159 -0.051573684487883853 \
      0.081887064186509428 0.030858315710052375
      rank lq2002_missing leadership company=C46 90 1952 94465.5 0.22563762704590304 0.075426912568306026 \
      0.10000000000000009 -0.080808080808080884 0.27272727272727249
      share lq2002_missing leadership company=C46 0.41541755888650966 0.39932669934155157 0.033569201404616986 \
      0.0071857752629699281 0.016090859544958092 0.63927283279936087 -0.051194068867778289 \
      0.083375787957694472 0.032750205559688883
      welch lq2002 leadership company=C38 company=C25 1.2959349593495935 4.7632177468952712e-13 \
      2.0875128376490304 1.0072138389436422 1.5846560797555449
      welch lq2002 leadership company=C13 company=C25 0.61898362785280758 4.0794637107741207e-06 \
      0.85465151943625395 0.36898996720843091 0.86897728849718414
      rank lq2002 significance company=C13 99 1943 110878.5 0.0097118411638852375 0.15284081161590168 \
      0.33333333333333304 0 0.33333333333333348
      share lq2002 significance company=C13 0.54545454545454541 0.45256476239492194 0.041847041847041855 \
      0.0092987703591393498 0.092889783059623476 0.030243005104870217 0.0088705815057375931 \
      0.17690898461350935 0.18604814489407873
      rank lq2002_missing significance company=C13 96 1926 106728 0.010021191619066975 0.15446521287642789 \
      0.33333333333333304 0 0.33333333333333393
      share lq2002_missing significance company=C13 0.54121863799283154 0.45370201928324538 \
      0.042704738885911808 0.0094510939013676531 0.087516618709586158 0.04540037228935126 \
      0.0017915962062019092 0.17324164121297042 0.17525972973623594
      rank lq2002 significance company=C14 10 2032 10961.5 0.66461624764060256 0.078887795275590644 0 \
      -0.33333333333333393 0.66666666666666696
      share lq2002 significance company=C14 0.46666666666666667 0.45702099737532809 0.10183501544346311 \
      0.0091183433650659489 0.0096456692913385877 0.92483815618732568 -0.19074581181192646 0.21003715039460363 \
      0.019348064467132442
      rank lq2002_missing significance company=C14 10 2012 10819.5 0.67819500950590828 0.07549701789264418 0 \
      -0.5 0.66666666666666696
      share lq2002_missing significance company=C14 0.46666666666666667 0.45788374521406194 \
      0.10183501544346311 0.0092694060727866873 0.0087829214526047306 0.9315526756723117 -0.19163518184969683 \
      0.20920102475490629 0.017616287101739347
      rank lq2002 significance company=C25 41 2001 25725 3.7881089474716453e-05 -0.37287453834058581 \
      -0.66666666666666652 -1 -0.33333333333333348
      share lq2002 significance company=C25 0.24390243902439024 0.46143594869232052 0.049419928180257346 \
      0.0091923070088529551 -0.21753350966793028 1.5080270901873673e-05 -0.31605612116969817 \
      -0.11901089816616241 -0.46053389920549082
      rank lq2002_missing significance company=C25 41 1981 25214 2.8009398515941556e-05 -0.37912608808066883 \
      -0.66666666666666652 -1 -0.33333333333333348
      share lq2002_missing significance company=C25 0.24778761061946902 0.46212254988521984 \
      0.049024209860210555 0.0093463687784887638 -0.21433493926575081 1.7495304198330009e-05 \
      -0.3121512371427731 -0.11651864138872854 -0.45288810545070146
      rank lq2002 significance company=C38 30 2012 34129.5 0.21491416191617768 0.1308648111332007 \
      0.33333333333333304 0 0.66666666666666652
      share lq2002 significance company=C38 0.52222222222222225 0.45609675281643475 0.077777777777777793 \
      0.0091489890484090838 0.066125469405787507 0.39846656851017959 -0.087367201643305664 0.21961814045488068 \
      0.13237880808049973
      rank lq2002_missing significance company=C38 30 1992 33645.5 0.23237070275677565 0.12602074966532806 \
      0.33333333333333304 0 0.66666666666666652
      share lq2002_missing significance company=C38 0.50588235294117645 0.45721314356000703 \
      0.078716700852334176 0.0093007962664580536 0.04866920938116942 0.53920740485948893 -0.10668589649490001 \
      0.20402431525723885 0.097443476562563358
      rank lq2002 significance company=C46 90 1952 76505 0.036937717195924272 -0.12904143897996356 \
      -0.33333333333333304 -0.33333333333333348 0
      share lq2002 significance company=C46 0.3888888888888889 0.46021174863387976 0.042546882418053045 \
      0.0092964366452570456 -0.071322859744990863 0.10148464537208414 -0.15668060625553459 \
      0.014034886765552881 -0.14443236403613913
      rank lq2002_missing significance company=C46 90 1932 75786.5 0.038078192961956546 -0.12828962502875552 \
      -0.33333333333333304 -0.5 0
      share lq2002_missing significance company=C46 0.38610038610038611 0.46130143193764728 \
      0.043286701305741054 0.009448294803050648 -0.075201045837261171 0.089636894210945867 \
      -0.16203892588260826 0.011636834208085922 -0.15234226863963984
      welch lq2002 significance company=C38 company=C25 0.80271002710027117 0.00041299920413024151 \
      0.92542590762558252 0.37520912600003647 1.2302109282005058
      welch lq2002 significance company=C13 company=C25 0.84109386548410958 3.8565733573199104e-07 \
      0.93134780422680064 0.53597916305538451 1.1462085679128344
      rank lq2002 civility company=C13 99 1943 105132 0.11428617985798768 0.093092531075032348 0 0 \
      0.20000000000000018
      share lq2002 civility company=C13 0.79797979797979801 0.73926917138445702 0.028929210011293883 \
      0.0073793340977751903 0.058710626595340987 0.049242077148699909 0.00019482721127716401 \
      0.1172264259794048 0.13947078716620398
      rank lq2002_missing civility company=C13 95 1904 96968.5 0.23013639514317052 0.072185979655019938 0 0 \
      0.20000000000000018
      share lq2002_missing civility company=C13 0.80000000000000004 0.7408775464517573 0.028942203659622655 \
      0.0074952642172184886 0.059122453548242748 0.047980790937048004 0.00052542572934158316 \
      0.11771948136714391 0.14084466514826177
      rank lq2002 civility company=C14 10 2032 11252.5 0.55342467591533007 0.10752952755905509 0 \
      -0.20000000000000018 0.60000000000000009
      share lq2002 civility company=C14 0.83999999999999997 0.74163385826771655 0.083266639978645335 \
      0.0071874447794965509 0.098366141732283419 0.23921043812932308 -0.065440334952043266 0.2621726184166101 \
      0.24337923382731041
      rank lq2002_missing civility company=C14 10 1989 10998.5 0.55940371178916615 0.10593262946204129 \
      0.083333333333333481 -0.20000000000000018 0.60000000000000009
      share lq2002_missing civility company=C14 0.84782608695652173 0.74313893653516294 0.089778241013075036 \
      0.0072979192538342296 0.10468715042135879 0.2451419840114368 -0.071855371295631298 0.28122967213834887 \
      0.26150234502667535
      rank lq2002 civility company=C25 41 2001 29697.5 0.002227319790037212 -0.27603271534964224 \
      -0.40000000000000002 -0.79999999999999982 -0.19999999999999973
      share lq2002 civility company=C25 0.60487804878048779 0.74492753623188401 0.05780024680428731 \
      0.0072032499760926738 -0.14004948745139623 0.016199397437982089 -0.25421222187284837 \
      -0.025886753029944073 -0.30059800520540292
      rank lq2002_missing civility company=C25 40 1959 28384 0.0025693601871831185 -0.27554874936191931 \
      -0.43333333333333335 -0.75 -0.14999999999999991
      share lq2002_missing civility company=C25 0.60439560439560436 0.74640992167101827 0.061112285622855082 \
      0.0073093666308080823 -0.14201431727541391 0.021033617491067164 -0.262645893845454 -0.021382740705373854 \
      -0.30498873660577996
      rank lq2002 civility company=C38 30 2012 35586 0.088734021799600743 0.17912524850894629 \
      0.19999999999999973 0 0.39999999999999991
      share lq2002 civility company=C38 0.83999999999999997 0.74065606361829028 0.043311223360296788 \
      0.0072383920734271747 0.099343936381709685 0.023676050898718812 0.013278162038964481 0.18540971072445489 \
      0.24561161286963662
      rank lq2002_missing civility company=C38 30 1969 34977.5 0.080023696269996891 0.18427289656339929 \
      0.19999999999999973 0 0.39999999999999991
      share lq2002_missing civility company=C38 0.84285714285714286 0.74214858132986783 0.046537232389535645 \
      0.0073483730223028541 0.10070856152727503 0.032552588413240019 0.0083671597221521149 0.19304996333239793 \
      0.25002492394683218
      rank lq2002 civility company=C46 90 1952 79163 0.10927942103246804 -0.098781876138433478 \
      -0.19999999999999973 -0.20000000000000018 0
      share lq2002 civility company=C46 0.68000000000000005 0.74497950819672132 0.036963389114520614 \
      0.0072939495218736503 -0.06497950819672127 0.084584342681941677 -0.13882344573599284 \
      0.0088644293425503007 -0.14377484560466591
      rank lq2002_missing civility company=C46 90 1909 77820.5 0.12731921967988061 -0.094109772423025428 \
      -0.049999999999999822 -0.25 0
      share lq2002_missing civility company=C46 0.6888361045130641 0.74623031386127558 0.037167549307958903 \
      0.0074113839666004938 -0.057394209348211489 0.12992748561294332 -0.13167543084400621 0.01688701214758323 \
      -0.12763369309024797
      welch lq2002 civility company=C38 company=C25 0.89674796747967456 0.00013753630137869902 \
      0.88541529049270629 0.45498996123147495 1.3385059737278739
      welch lq2002 civility company=C13 company=C25 0.66947524020694749 0.0021983759826453182 \
      0.64558374925465034 0.25057207322766706 1.0883784071862277
      rank attrition satisfaction gender=Female 588 882 247398 0.13057704812375534 -0.045929936600490495 0 0 0
      share attrition satisfaction gender=Female 0.60544217687074831 0.61337868480725621 0.011406422405097769 \
      0.00952485433249344 -0.0079365079365079083 0.59329063575605157 -0.037062213891862011 \
      0.021189198018846191 -0.016267458360677223
      rank attrition satisfaction gender=Male 882 588 271218 0.13057704812375534 0.045929936600490606 0 0 0
      share attrition satisfaction gender=Male 0.61337868480725621 0.60544217687074831 0.00952485433249344 \
      0.011406422405097769 0.0079365079365079083 0.59329063575605157 -0.021189198018846191 \
      0.037062213891862011 0.016267458360677223
      rank attrition satisfaction overtime=Yes 416 1054 244287.5 0.00054203523804100342 0.11428760399941607 0 \
      0 0.33333333333333304
      share attrition satisfaction overtime=Yes 0.64102564102564108 0.59803921568627449 0.013930906871652132 \
      0.008562404651115468 0.042986425339366585 0.008567863415904221 0.010937271917794339 0.075035578760938831 \
      0.088574419670906179
      welch attrition satisfaction gender=Female;overtime=Yes rest 0.033204134366925153 0.52767207058998411 \
      0.052815543121479208 -0.070236010171900135 0.13664427890575045
      welch attrition satisfaction gender=Male;overtime=No rest -0.039610197681525516 0.23311213535475489 \
      -0.063026653858901674 -0.10474823057590509 0.025527835212854042
      rank attrition engagement gender=Female 588 882 257930.5 0.85564655529988753 -0.0053122155891834888 0 0 \
      0
      share attrition engagement gender=Female 0.69727891156462585 0.70181405895691606 0.013468949357409964 \
      0.010646558639333285 -0.0045351473922902175 0.79166190695945293 -0.038185041092170899 \
      0.029114746307590464 -0.0098922993397261294
      rank attrition engagement gender=Male 882 588 260685.5 0.85564655529988753 0.0053122155891835998 0 0 0
      share attrition engagement gender=Male 0.70181405895691606 0.69727891156462585 0.010646558639333285 \
      0.013468949357409964 0.0045351473922902175 0.79166190695945293 -0.029114746307590464 \
      0.038185041092170899 0.0098922993397261294
      rank attrition engagement overtime=Yes 416 1054 214272 0.47610206164649166 -0.022624434389140302 0 0 0
      share attrition engagement overtime=Yes 0.69230769230769229 0.70303605313092976 0.015894583039984776 \
      0.0098210839220836781 -0.010728360823237471 0.56583195809267672 -0.047348307109603575 \
      0.025891585463128634 -0.023360592367791977
      welch attrition engagement gender=Female;overtime=Yes rest -0.023449612403100506 0.54963631824899117 \
      -0.047083594343253647 -0.10055511868409084 0.053655893877889833
      welch attrition engagement gender=Male;overtime=No rest 0.020315458835552302 0.43919370206636721 \
      0.040794155127168379 -0.031188587714150812 0.071819505385255403
      """;

  private static final Map<String, Supplier<ResponseSet>> DATA = Map.of(
      "lq2002", RealData::lq2002, "lq2002_missing", RealData::lq2002Missing, "attrition", RealData::attrition);

  private static final Map<String, Report> REPORTS = new ConcurrentHashMap<>();

  private static List<String[]> lines(String kind) {
    return R_OUTPUT.lines().map(String::strip).filter(l -> l.startsWith(kind + " "))
        .map(l -> l.split(" +")).toList();
  }

  /** Parses {@code team=T1;site=office}. */
  static Segment segment(String label) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String part : label.split(";")) {
      String[] kv = part.split("=", 2);
      attributes.put(kv[0], kv[1]);
    }
    return Segment.of(attributes);
  }

  private static Report report(String data, GapAnalysis gaps, Segment segment) {
    Breakdown breakdown = new Breakdown(List.copyOf(segment.attributes().keySet()));
    return REPORTS.computeIfAbsent(data + " " + gaps + " " + breakdown, key -> {
      ResponseSet set = DATA.get(data).get();
      Report report = BelongingAnalysis.withDefaults(set.instrument()).withBreakdowns(breakdown)
          .withGapAnalysis(gaps).analyze(set);
      ReportSchema.requireValid(report);
      return report;
    });
  }

  private static Gap gap(Report report, Segment segment, String dimension) {
    List<Gap> found = report.gaps().stream()
        .filter(g -> g.segment().equals(segment) && g.dimension().equals(dimension)).toList();
    assertThat(found).as("gaps of %s in %s", segment, dimension).hasSize(1);
    return found.get(0);
  }

  private static double number(String token) {
    return Double.parseDouble(token);
  }

  private static void assertP(double actual, double expected, String what) {
    RReferenceGapTest.assertClose(actual, expected, expected < 1e-10 ? 1e-7 : 1e-9, what);
  }

  @Test
  void everyRankLineMatches() {
    List<String[]> lines = lines("rank");
    assertThat(lines).hasSize(36);
    for (String[] t : lines) {
      // rank DATA DIM SEGMENT n1 n2 W p rank_biserial hodges_lehmann ciLow ciHigh
      String what = String.join(" ", t[1], t[2], t[3]);
      Segment segment = segment(t[3]);
      Report report = report(t[1], GapAnalysis.withDefaults().withDetector(RankGap.withDefaults()), segment);
      Gap g = gap(report, segment, t[2]);
      assertThat(g.detector()).isEqualTo("rank");
      assertThat(g.effectSizeType()).isEqualTo("rank-biserial");
      ShownSegment shown = (ShownSegment) report.segment(segment).orElseThrow();
      ShownSegment all = (ShownSegment) report.segments().get(0);
      long n1 = shown.dimensions().get(t[2]).respondents();
      assertThat(n1).as("n1 %s", what).isEqualTo(Long.parseLong(t[4]));
      assertThat(all.dimensions().get(t[2]).respondents() - n1).as("n2 %s", what).isEqualTo(Long.parseLong(t[5]));
      assertP(g.pValue().value(), number(t[7]), "p " + what);
      RReferenceGapTest.assertClose(g.effectSize().value(), number(t[8]), 1e-9, "rank-biserial " + what);
      RReferenceGapTest.assertClose(g.difference().value(), number(t[9]), 1e-9, "Hodges-Lehmann " + what);
      RReferenceGapTest.assertClose(g.ciLow().value(), number(t[10]), 1e-9, "ciLow " + what);
      RReferenceGapTest.assertClose(g.ciHigh().value(), number(t[11]), 1e-9, "ciHigh " + what);
    }
  }

  @Test
  void everyShareLineMatches() {
    List<String[]> lines = lines("share");
    assertThat(lines).hasSize(36);
    for (String[] t : lines) {
      // share DATA DIM SEGMENT rS rRest seS seRest difference p ciLow ciHigh cohens_h
      String what = String.join(" ", t[1], t[2], t[3]);
      Segment segment = segment(t[3]);
      Report report = report(t[1],
          GapAnalysis.withDefaults().withDetector(FavorableShareGap.withDefaults()), segment);
      Gap g = gap(report, segment, t[2]);
      assertThat(g.detector()).isEqualTo("favorable-share");
      assertThat(g.effectSizeType()).isEqualTo("cohens-h");
      RReferenceGapTest.assertClose(g.difference().value(), number(t[8]), 1e-9, "difference " + what);
      assertP(g.pValue().value(), number(t[9]), "p " + what);
      RReferenceGapTest.assertClose(g.ciLow().value(), number(t[10]), 1e-9, "ciLow " + what);
      RReferenceGapTest.assertClose(g.ciHigh().value(), number(t[11]), 1e-9, "ciHigh " + what);
      RReferenceGapTest.assertClose(g.effectSize().value(), number(t[12]), 1e-9, "h " + what);

      // each side's standard error, from the mergeable sums
      Map.Entry<String, String> only = segment.attributes().entrySet().iterator().next();
      ResponseSet set = DATA.get(t[1]).get();
      SegmentStatistics s = GapFixtures.statistics(set, only.getKey(), only.getValue());
      SegmentStatistics rest = GapFixtures.population(set).minus(s);
      DimensionStatistics ds = s.dimension(t[2]);
      DimensionStatistics dr = rest.dimension(t[2]);
      RReferenceGapTest.assertClose((double) ds.favorableAnswers() / ds.answers(), number(t[4]), 1e-12,
          "rS " + what);
      RReferenceGapTest.assertClose((double) dr.favorableAnswers() / dr.answers(), number(t[5]), 1e-12,
          "rRest " + what);
      RReferenceGapTest.assertClose(Math.sqrt(FavorableShareGap.ratioVariance(ds)), number(t[6]), 1e-9,
          "seS " + what);
      RReferenceGapTest.assertClose(Math.sqrt(FavorableShareGap.ratioVariance(dr)), number(t[7]), 1e-9,
          "seRest " + what);
    }
  }

  @Test
  void gapsAgainstAReferenceSegmentAndOfIntersectionsMatch() {
    List<String[]> lines = lines("welch");
    assertThat(lines).hasSize(10);
    for (String[] t : lines) {
      // welch DATA DIM SEGMENT VERSUS difference p hedges_g ciLow ciHigh
      String what = String.join(" ", t[1], t[2], t[3], "versus", t[4]);
      Segment segment = segment(t[3]);
      GapAnalysis gaps = t[4].equals("rest")
          ? GapAnalysis.withDefaults()
          : GapAnalysis.withDefaults().withReference(segment(t[4]));
      Gap g = gap(report(t[1], gaps, segment), segment, t[2]);
      if (t[4].equals("rest")) {
        assertThat(g.comparison()).isEqualTo(Comparison.REST_OF_POPULATION);
        assertThat(g.segment().attributes()).hasSize(2);
      } else {
        assertThat(g.comparison()).isEqualTo(Comparison.REFERENCE_SEGMENT);
        assertThat(g.reference()).contains(segment(t[4]));
      }
      RReferenceGapTest.assertClose(g.difference().value(), number(t[5]), 1e-9, "difference " + what);
      assertP(g.pValue().value(), number(t[6]), "p " + what);
      RReferenceGapTest.assertClose(g.effectSize().value(), number(t[7]), 1e-9, "g " + what);
      RReferenceGapTest.assertClose(g.ciLow().value(), number(t[8]), 1e-9, "ciLow " + what);
      RReferenceGapTest.assertClose(g.ciHigh().value(), number(t[9]), 1e-9, "ciHigh " + what);
    }
  }
}
