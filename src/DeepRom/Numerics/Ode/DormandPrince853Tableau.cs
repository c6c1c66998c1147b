namespace DeepRom.Numerics.Ode;

/// <summary>
/// The coefficients of Dormand &amp; Prince's explicit 8(5,3) pair in Hairer's DOP853 (Hairer, Norsett &amp; Wanner, Solving ODEs I,
/// 2nd ed., II.10): 12 stages, an 8th-order solution, 5th- and 3rd-order error estimates. Names follow Hairer's code (aIJ is
/// row I, column J; absent entries are zero; c12 = 1). Dense output coefficients are left out: DeepRom steps onto sample times.
/// </summary>
internal static class DormandPrince853Tableau
{
    public const double C2 = 0.526001519587677318785587544488e-01;
    public const double C3 = 0.789002279381515978178381316732e-01;
    public const double C4 = 0.118350341907227396726757197510e+00;
    public const double C5 = 0.281649658092772603273242802490e+00;
    public const double C6 = 0.333333333333333333333333333333e+00;
    public const double C7 = 0.25e+00;
    public const double C8 = 0.307692307692307692307692307692e+00;
    public const double C9 = 0.651282051282051282051282051282e+00;
    public const double C10 = 0.6e+00;
    public const double C11 = 0.857142857142857142857142857142e+00;
    public const double C12 = 1.0;

    public const double B1 = 5.42937341165687622380535766363e-2;
    public const double B6 = 4.45031289275240888144113950566e0;
    public const double B7 = 1.89151789931450038304281599044e0;
    public const double B8 = -5.8012039600105847814672114227e0;
    public const double B9 = 3.1116436695781989440891606237e-1;
    public const double B10 = -1.52160949662516078556178806805e-1;
    public const double B11 = 2.01365400804030348374776537501e-1;
    public const double B12 = 4.47106157277725905176885569043e-2;

    // The 3rd-order estimate: the 8th-order increment minus this quadrature on nodes 0, c9 and 1.
    public const double Bhh1 = 0.244094488188976377952755905512e+00;
    public const double Bhh2 = 0.733846688281611857341361741547e+00;
    public const double Bhh3 = 0.220588235294117647058823529412e-01;

    // The 5th-order estimate: difference of the 8th-order weights and an embedded 5th-order solution's.
    public const double Er1 = 0.1312004499419488073250102996e-01;
    public const double Er6 = -0.1225156446376204440720569753e+01;
    public const double Er7 = -0.4957589496572501915214079952e+00;
    public const double Er8 = 0.1664377182454986536961530415e+01;
    public const double Er9 = -0.3503288487499736816886487290e+00;
    public const double Er10 = 0.3341791187130174790297318841e+00;
    public const double Er11 = 0.8192320648511571246570742613e-01;
    public const double Er12 = -0.2235530786388629525884427845e-01;

    public const double A21 = 5.26001519587677318785587544488e-2;
    public const double A31 = 1.97250569845378994544595329183e-2;
    public const double A32 = 5.91751709536136983633785987549e-2;
    public const double A41 = 2.95875854768068491816892993775e-2;
    public const double A43 = 8.87627564304205475450678981324e-2;
    public const double A51 = 2.41365134159266685502369798665e-1;
    public const double A53 = -8.84549479328286085344864962717e-1;
    public const double A54 = 9.24834003261792003115737966543e-1;
    public const double A61 = 3.7037037037037037037037037037e-2;
    public const double A64 = 1.70828608729473871279604482173e-1;
    public const double A65 = 1.25467687566822425016691814123e-1;
    public const double A71 = 3.7109375e-2;
    public const double A74 = 1.70252211019544039314978060272e-1;
    public const double A75 = 6.02165389804559606850219397283e-2;
    public const double A76 = -1.7578125e-2;
    public const double A81 = 3.70920001185047927108779319836e-2;
    public const double A84 = 1.70383925712239993810214054705e-1;
    public const double A85 = 1.07262030446373284651809199168e-1;
    public const double A86 = -1.53194377486244017527936158236e-2;
    public const double A87 = 8.27378916381402288758473766002e-3;
    public const double A91 = 6.24110958716075717114429577812e-1;
    public const double A94 = -3.36089262944694129406857109825e0;
    public const double A95 = -8.68219346841726006818189891453e-1;
    public const double A96 = 2.75920996994467083049415600797e1;
    public const double A97 = 2.01540675504778934086186788979e1;
    public const double A98 = -4.34898841810699588477366255144e1;
    public const double A101 = 4.77662536438264365890433908527e-1;
    public const double A104 = -2.48811461997166764192642586468e0;
    public const double A105 = -5.90290826836842996371446475743e-1;
    public const double A106 = 2.12300514481811942347288949897e1;
    public const double A107 = 1.52792336328824235832596922938e1;
    public const double A108 = -3.32882109689848629194453265587e1;
    public const double A109 = -2.03312017085086261358222928593e-2;
    public const double A111 = -9.3714243008598732571704021658e-1;
    public const double A114 = 5.18637242884406370830023853209e0;
    public const double A115 = 1.09143734899672957818500254654e0;
    public const double A116 = -8.14978701074692612513997267357e0;
    public const double A117 = -1.85200656599969598641566180701e1;
    public const double A118 = 2.27394870993505042818970056734e1;
    public const double A119 = 2.49360555267965238987089396762e0;
    public const double A1110 = -3.0467644718982195003823669022e0;
    public const double A121 = 2.27331014751653820792359768449e0;
    public const double A124 = -1.05344954667372501984066689879e1;
    public const double A125 = -2.00087205822486249909675718444e0;
    public const double A126 = -1.79589318631187989172765950534e1;
    public const double A127 = 2.79488845294199600508499808837e1;
    public const double A128 = -2.85899827713502369474065508674e0;
    public const double A129 = -8.87285693353062954433549289258e0;
    public const double A1210 = 1.23605671757943030647266201528e1;
    public const double A1211 = 6.43392746015763530355970484046e-1;

    /// <summary>The nodes c_1..c_12 (c_1 = 0).</summary>
    public static double[] C => [0, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12];

    /// <summary>The 8th-order weights b_1..b_12.</summary>
    public static double[] B => [B1, 0, 0, 0, 0, B6, B7, B8, B9, B10, B11, B12];

    /// <summary>The weights of the 5th-order error estimate, e_1..e_12.</summary>
    public static double[] E5 => [Er1, 0, 0, 0, 0, Er6, Er7, Er8, Er9, Er10, Er11, Er12];

    /// <summary>The weights of the 3rd-order error estimate (b minus the 3rd-order quadrature), e_1..e_12.</summary>
    public static double[] E3 => [B1 - Bhh1, 0, 0, 0, 0, B6, B7, B8, B9 - Bhh2, B10, B11, B12 - Bhh3];

    /// <summary>The stage matrix as rows a_i1..a_i(i-1), i = 1..12 (for tests of the order conditions).</summary>
    public static double[][] A =>
    [
        [],
        [A21],
        [A31, A32],
        [A41, 0, A43],
        [A51, 0, A53, A54],
        [A61, 0, 0, A64, A65],
        [A71, 0, 0, A74, A75, A76],
        [A81, 0, 0, A84, A85, A86, A87],
        [A91, 0, 0, A94, A95, A96, A97, A98],
        [A101, 0, 0, A104, A105, A106, A107, A108, A109],
        [A111, 0, 0, A114, A115, A116, A117, A118, A119, A1110],
        [A121, 0, 0, A124, A125, A126, A127, A128, A129, A1210, A1211],
    ];
}
