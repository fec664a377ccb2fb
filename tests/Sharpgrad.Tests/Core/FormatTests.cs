namespace Sharpgrad.Tests.Core;

/// <summary>ToString against FACTS sec 2's verbatim PyTorch reprs (torch/_tensor_str.py), for the dtypes Sharpgrad has.</summary>
public class FormatTests
{
    private static Tensor F(float[] v, params int[] shape) => Tensor.FromArray(v, shape.Length == 0 ? null : shape);
    private static Tensor D(double[] v, params int[] shape) => Tensor.FromArray(v, shape.Length == 0 ? null : shape);
    private static Tensor L(long[] v) => Tensor.FromArray(v);
    private static Tensor B(bool[] v) => Tensor.FromArray(v);
    private static Tensor Leaf(params float[] v) => Tensor.FromArray(v, requiresGrad: true);
    private static Tensor Ar(int n) => Tensor.Arange(0, n, 1, DType.Float32);

    public static IEnumerable<object[]> Cases()
    {
        // repr(torch.tensor([[0.1234,-1.2],[3,4]]))
        yield return ["tensor([[ 0.1234, -1.2000],\n        [ 3.0000,  4.0000]])", (Func<Tensor>)(() => F([0.1234f, -1.2f, 3, 4], 2, 2))];
        // repr(torch.tensor([1.,2.,3.]))
        yield return ["tensor([1., 2., 3.])", (Func<Tensor>)(() => F([1, 2, 3]))];
        // repr(torch.randn(3,requires_grad=True))
        yield return ["tensor([ 1.5410, -0.2934, -2.1788], requires_grad=True)", (Func<Tensor>)(() => Leaf(1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f))];
        // repr(torch.randn(3,requires_grad=True)*2)
        yield return ["tensor([ 3.0820, -0.5869, -4.3576], grad_fn=<MulBackward0>)", (Func<Tensor>)(() => Leaf(1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f) * 2)];
        // repr(torch.randn(3,requires_grad=True).sum())
        yield return ["tensor(-0.9312, grad_fn=<SumBackward0>)", (Func<Tensor>)(() => Leaf(1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f).Sum())];
        // repr(torch.randn(3,requires_grad=True)[0])
        yield return ["tensor(1.5410, grad_fn=<SelectBackward0>)", (Func<Tensor>)(() => Leaf(1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f)[0])];
        // repr(torch.randn(3,requires_grad=True).view(3,1))
        yield return ["tensor([[ 1.5410],\n        [-0.2934],\n        [-2.1788]], grad_fn=<ViewBackward0>)", (Func<Tensor>)(() => Leaf(1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f).View(3, 1))];
        // repr(torch.randn(3,requires_grad=True).exp())
        yield return ["tensor([4.6692, 0.7457, 0.1132], grad_fn=<ExpBackward0>)", (Func<Tensor>)(() => Leaf(1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f).Exp())];
        // repr(torch.tensor([1,2,3]))
        yield return ["tensor([1, 2, 3])", (Func<Tensor>)(() => L([1, 2, 3]))];
        // repr(torch.tensor([1,-2,300]))
        yield return ["tensor([  1,  -2, 300])", (Func<Tensor>)(() => L([1, -2, 300]))];
        // repr(torch.tensor([-1,-20]))
        yield return ["tensor([ -1, -20])", (Func<Tensor>)(() => L([-1, -20]))];
        // repr(torch.tensor([True,False]))
        yield return ["tensor([ True, False])", (Func<Tensor>)(() => B([true, false]))];
        // repr(torch.tensor([1.5,2.0],dtype=torch.float64))
        yield return ["tensor([1.5000, 2.0000], dtype=torch.float64)", (Func<Tensor>)(() => D([1.5, 2.0]))];
        // repr(torch.tensor([1.0,2.0],dtype=torch.float64))
        yield return ["tensor([1., 2.], dtype=torch.float64)", (Func<Tensor>)(() => D([1.0, 2.0]))];
        // repr(torch.tensor(3.5))
        yield return ["tensor(3.5000)", (Func<Tensor>)(() => Tensor.Scalar(3.5))];
        // repr(torch.tensor(3.))
        yield return ["tensor(3.)", (Func<Tensor>)(() => Tensor.Scalar(3))];
        // repr(torch.tensor(3))
        yield return ["tensor(3)", (Func<Tensor>)(() => Tensor.Scalar(3, DType.Int64))];
        // repr(torch.tensor(True))
        yield return ["tensor(True)", (Func<Tensor>)(() => Tensor.Scalar(1, DType.Bool))];
        // repr(torch.tensor(3.5,dtype=torch.float64))
        yield return ["tensor(3.5000, dtype=torch.float64)", (Func<Tensor>)(() => Tensor.Scalar(3.5, DType.Float64))];
        // repr(torch.tensor(3.5,requires_grad=True))
        yield return ["tensor(3.5000, requires_grad=True)", (Func<Tensor>)(() => Tensor.Scalar(3.5, requiresGrad: true))];
        // repr(torch.tensor([]))
        yield return ["tensor([])", (Func<Tensor>)(() => F([]))];
        // repr(torch.tensor([],dtype=torch.int64))
        yield return ["tensor([], dtype=torch.int64)", (Func<Tensor>)(() => L([]))];
        // repr(torch.tensor([],dtype=torch.float64))
        yield return ["tensor([], dtype=torch.float64)", (Func<Tensor>)(() => D([]))];
        // repr(torch.zeros(2,0))
        yield return ["tensor([], size=(2, 0))", (Func<Tensor>)(() => Tensor.Zeros([2, 0]))];
        // repr(torch.zeros(2,0,dtype=torch.int64))
        yield return ["tensor([], size=(2, 0), dtype=torch.int64)", (Func<Tensor>)(() => Tensor.Zeros([2, 0], DType.Int64))];
        // repr(torch.zeros(0,3))
        yield return ["tensor([], size=(0, 3))", (Func<Tensor>)(() => Tensor.Zeros([0, 3]))];
        // repr(torch.zeros(2,0,requires_grad=True))
        yield return ["tensor([], size=(2, 0), requires_grad=True)", (Func<Tensor>)(() => Tensor.Zeros([2, 0], requiresGrad: true))];
        // repr(torch.arange(2000.))
        yield return ["tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])", (Func<Tensor>)(() => Ar(2000))];
        // repr(torch.arange(1000.))
        yield return ["tensor([  0.,   1.,   2.,   3.,   4.,   5.,   6.,   7.,   8.,   9.,  10.,  11.,\n         12.,  13.,  14.,  15.,  16.,  17.,  18.,  19.,  20.,  21.,  22.,  23.,\n         24.,  25.,  26.,  27.,  28.,  29.,  30.,  31.,  32.,  33.,  34.,  35.,\n         36.,  37.,  38.,  39.,  40.,  41.,  42.,  43.,  44.,  45.,  46.,  47.,\n         48.,  49.,  50.,  51.,  52.,  53.,  54.,  55.,  56.,  57.,  58.,  59.,\n         60.,  61.,  62.,  63.,  64.,  65.,  66.,  67.,  68.,  69.,  70.,  71.,\n         72.,  73.,  74.,  75.,  76.,  77.,  78.,  79.,  80.,  81.,  82.,  83.,\n         84.,  85.,  86.,  87.,  88.,  89.,  90.,  91.,  92.,  93.,  94.,  95.,\n         96.,  97.,  98.,  99., 100., 101., 102., 103., 104., 105., 106., 107.,\n        108., 109., 110., 111., 112., 113., 114., 115., 116., 117., 118., 119.,\n        120., 121., 122., 123., 124., 125., 126., 127., 128., 129., 130., 131.,\n        132., 133., 134., 135., 136., 137., 138., 139., 140., 141., 142., 143.,\n        144., 145., 146., 147., 148., 149., 150., 151., 152., 153., 154., 155.,\n        156., 157., 158., 159., 160., 161., 162., 163., 164., 165., 166., 167.,\n        168., 169., 170., 171., 172., 173., 174., 175., 176., 177., 178., 179.,\n        180., 181., 182., 183., 184., 185., 186., 187., 188., 189., 190., 191.,\n        192., 193., 194., 195., 196., 197., 198., 199., 200., 201., 202., 203.,\n        204., 205., 206., 207., 208., 209., 210., 211., 212., 213., 214., 215.,\n        216., 217., 218., 219., 220., 221., 222., 223., 224., 225., 226., 227.,\n        228., 229., 230., 231., 232., 233., 234., 235., 236., 237., 238., 239.,\n        240., 241., 242., 243., 244., 245., 246., 247., 248., 249., 250., 251.,\n        252., 253., 254., 255., 256., 257., 258., 259., 260., 261., 262., 263.,\n        264., 265., 266., 267., 268., 269., 270., 271., 272., 273., 274., 275.,\n        276., 277., 278., 279., 280., 281., 282., 283., 284., 285., 286., 287.,\n        288., 289., 290., 291., 292., 293., 294., 295., 296., 297., 298., 299.,\n        300., 301., 302., 303., 304., 305., 306., 307., 308., 309., 310., 311.,\n        312., 313., 314., 315., 316., 317., 318., 319., 320., 321., 322., 323.,\n        324., 325., 326., 327., 328., 329., 330., 331., 332., 333., 334., 335.,\n        336., 337., 338., 339., 340., 341., 342., 343., 344., 345., 346., 347.,\n        348., 349., 350., 351., 352., 353., 354., 355., 356., 357., 358., 359.,\n        360., 361., 362., 363., 364., 365., 366., 367., 368., 369., 370., 371.,\n        372., 373., 374., 375., 376., 377., 378., 379., 380., 381., 382., 383.,\n        384., 385., 386., 387., 388., 389., 390., 391., 392., 393., 394., 395.,\n        396., 397., 398., 399., 400., 401., 402., 403., 404., 405., 406., 407.,\n        408., 409., 410., 411., 412., 413., 414., 415., 416., 417., 418., 419.,\n        420., 421., 422., 423., 424., 425., 426., 427., 428., 429., 430., 431.,\n        432., 433., 434., 435., 436., 437., 438., 439., 440., 441., 442., 443.,\n        444., 445., 446., 447., 448., 449., 450., 451., 452., 453., 454., 455.,\n        456., 457., 458., 459., 460., 461., 462., 463., 464., 465., 466., 467.,\n        468., 469., 470., 471., 472., 473., 474., 475., 476., 477., 478., 479.,\n        480., 481., 482., 483., 484., 485., 486., 487., 488., 489., 490., 491.,\n        492., 493., 494., 495., 496., 497., 498., 499., 500., 501., 502., 503.,\n        504., 505., 506., 507., 508., 509., 510., 511., 512., 513., 514., 515.,\n        516., 517., 518., 519., 520., 521., 522., 523., 524., 525., 526., 527.,\n        528., 529., 530., 531., 532., 533., 534., 535., 536., 537., 538., 539.,\n        540., 541., 542., 543., 544., 545., 546., 547., 548., 549., 550., 551.,\n        552., 553., 554., 555., 556., 557., 558., 559., 560., 561., 562., 563.,\n        564., 565., 566., 567., 568., 569., 570., 571., 572., 573., 574., 575.,\n        576., 577., 578., 579., 580., 581., 582., 583., 584., 585., 586., 587.,\n        588., 589., 590., 591., 592., 593., 594., 595., 596., 597., 598., 599.,\n        600., 601., 602., 603., 604., 605., 606., 607., 608., 609., 610., 611.,\n        612., 613., 614., 615., 616., 617., 618., 619., 620., 621., 622., 623.,\n        624., 625., 626., 627., 628., 629., 630., 631., 632., 633., 634., 635.,\n        636., 637., 638., 639., 640., 641., 642., 643., 644., 645., 646., 647.,\n        648., 649., 650., 651., 652., 653., 654., 655., 656., 657., 658., 659.,\n        660., 661., 662., 663., 664., 665., 666., 667., 668., 669., 670., 671.,\n        672., 673., 674., 675., 676., 677., 678., 679., 680., 681., 682., 683.,\n        684., 685., 686., 687., 688., 689., 690., 691., 692., 693., 694., 695.,\n        696., 697., 698., 699., 700., 701., 702., 703., 704., 705., 706., 707.,\n        708., 709., 710., 711., 712., 713., 714., 715., 716., 717., 718., 719.,\n        720., 721., 722., 723., 724., 725., 726., 727., 728., 729., 730., 731.,\n        732., 733., 734., 735., 736., 737., 738., 739., 740., 741., 742., 743.,\n        744., 745., 746., 747., 748., 749., 750., 751., 752., 753., 754., 755.,\n        756., 757., 758., 759., 760., 761., 762., 763., 764., 765., 766., 767.,\n        768., 769., 770., 771., 772., 773., 774., 775., 776., 777., 778., 779.,\n        780., 781., 782., 783., 784., 785., 786., 787., 788., 789., 790., 791.,\n        792., 793., 794., 795., 796., 797., 798., 799., 800., 801., 802., 803.,\n        804., 805., 806., 807., 808., 809., 810., 811., 812., 813., 814., 815.,\n        816., 817., 818., 819., 820., 821., 822., 823., 824., 825., 826., 827.,\n        828., 829., 830., 831., 832., 833., 834., 835., 836., 837., 838., 839.,\n        840., 841., 842., 843., 844., 845., 846., 847., 848., 849., 850., 851.,\n        852., 853., 854., 855., 856., 857., 858., 859., 860., 861., 862., 863.,\n        864., 865., 866., 867., 868., 869., 870., 871., 872., 873., 874., 875.,\n        876., 877., 878., 879., 880., 881., 882., 883., 884., 885., 886., 887.,\n        888., 889., 890., 891., 892., 893., 894., 895., 896., 897., 898., 899.,\n        900., 901., 902., 903., 904., 905., 906., 907., 908., 909., 910., 911.,\n        912., 913., 914., 915., 916., 917., 918., 919., 920., 921., 922., 923.,\n        924., 925., 926., 927., 928., 929., 930., 931., 932., 933., 934., 935.,\n        936., 937., 938., 939., 940., 941., 942., 943., 944., 945., 946., 947.,\n        948., 949., 950., 951., 952., 953., 954., 955., 956., 957., 958., 959.,\n        960., 961., 962., 963., 964., 965., 966., 967., 968., 969., 970., 971.,\n        972., 973., 974., 975., 976., 977., 978., 979., 980., 981., 982., 983.,\n        984., 985., 986., 987., 988., 989., 990., 991., 992., 993., 994., 995.,\n        996., 997., 998., 999.])", (Func<Tensor>)(() => Ar(1000))];
        // repr(torch.arange(1001.))
        yield return ["tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])", (Func<Tensor>)(() => Ar(1001))];
        // repr(torch.arange(1200.).view(30,40))
        yield return ["tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 3.7000e+01, 3.8000e+01,\n         3.9000e+01],\n        [4.0000e+01, 4.1000e+01, 4.2000e+01,  ..., 7.7000e+01, 7.8000e+01,\n         7.9000e+01],\n        [8.0000e+01, 8.1000e+01, 8.2000e+01,  ..., 1.1700e+02, 1.1800e+02,\n         1.1900e+02],\n        ...,\n        [1.0800e+03, 1.0810e+03, 1.0820e+03,  ..., 1.1170e+03, 1.1180e+03,\n         1.1190e+03],\n        [1.1200e+03, 1.1210e+03, 1.1220e+03,  ..., 1.1570e+03, 1.1580e+03,\n         1.1590e+03],\n        [1.1600e+03, 1.1610e+03, 1.1620e+03,  ..., 1.1970e+03, 1.1980e+03,\n         1.1990e+03]])", (Func<Tensor>)(() => Ar(1200).View(30, 40))];
        // repr(torch.arange(2000))
        yield return ["tensor([   0,    1,    2,  ..., 1997, 1998, 1999])", (Func<Tensor>)(() => Tensor.Arange(2000))];
        // repr(torch.arange(24.).view(2,3,4))
        yield return ["tensor([[[ 0.,  1.,  2.,  3.],\n         [ 4.,  5.,  6.,  7.],\n         [ 8.,  9., 10., 11.]],\n\n        [[12., 13., 14., 15.],\n         [16., 17., 18., 19.],\n         [20., 21., 22., 23.]]])", (Func<Tensor>)(() => Ar(24).View(2, 3, 4))];
        // repr(torch.arange(24).view(2,3,4))
        yield return ["tensor([[[ 0,  1,  2,  3],\n         [ 4,  5,  6,  7],\n         [ 8,  9, 10, 11]],\n\n        [[12, 13, 14, 15],\n         [16, 17, 18, 19],\n         [20, 21, 22, 23]]])", (Func<Tensor>)(() => Tensor.Arange(24).View(2, 3, 4))];
        // repr(torch.arange(2000.).view(2,10,100))
        yield return ["tensor([[[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 9.7000e+01,\n          9.8000e+01, 9.9000e+01],\n         [1.0000e+02, 1.0100e+02, 1.0200e+02,  ..., 1.9700e+02,\n          1.9800e+02, 1.9900e+02],\n         [2.0000e+02, 2.0100e+02, 2.0200e+02,  ..., 2.9700e+02,\n          2.9800e+02, 2.9900e+02],\n         ...,\n         [7.0000e+02, 7.0100e+02, 7.0200e+02,  ..., 7.9700e+02,\n          7.9800e+02, 7.9900e+02],\n         [8.0000e+02, 8.0100e+02, 8.0200e+02,  ..., 8.9700e+02,\n          8.9800e+02, 8.9900e+02],\n         [9.0000e+02, 9.0100e+02, 9.0200e+02,  ..., 9.9700e+02,\n          9.9800e+02, 9.9900e+02]],\n\n        [[1.0000e+03, 1.0010e+03, 1.0020e+03,  ..., 1.0970e+03,\n          1.0980e+03, 1.0990e+03],\n         [1.1000e+03, 1.1010e+03, 1.1020e+03,  ..., 1.1970e+03,\n          1.1980e+03, 1.1990e+03],\n         [1.2000e+03, 1.2010e+03, 1.2020e+03,  ..., 1.2970e+03,\n          1.2980e+03, 1.2990e+03],\n         ...,\n         [1.7000e+03, 1.7010e+03, 1.7020e+03,  ..., 1.7970e+03,\n          1.7980e+03, 1.7990e+03],\n         [1.8000e+03, 1.8010e+03, 1.8020e+03,  ..., 1.8970e+03,\n          1.8980e+03, 1.8990e+03],\n         [1.9000e+03, 1.9010e+03, 1.9020e+03,  ..., 1.9970e+03,\n          1.9980e+03, 1.9990e+03]]])", (Func<Tensor>)(() => Ar(2000).View(2, 10, 100))];
        // repr(torch.tensor([1e-5,1.0,1e6]))
        yield return ["tensor([1.0000e-05, 1.0000e+00, 1.0000e+06])", (Func<Tensor>)(() => F([1e-5f, 1, 1e6f]))];
        // repr(torch.tensor([1e10]))
        yield return ["tensor([1.0000e+10])", (Func<Tensor>)(() => F([1e10f]))];
        // repr(torch.tensor([1e10, 1.]))
        yield return ["tensor([1.0000e+10, 1.0000e+00])", (Func<Tensor>)(() => F([1e10f, 1]))];
        // repr(torch.tensor([1e-10]))
        yield return ["tensor([1.0000e-10])", (Func<Tensor>)(() => F([1e-10f]))];
        // repr(torch.tensor([123456789.]))
        yield return ["tensor([1.2346e+08])", (Func<Tensor>)(() => F([123456789f]))];
        // repr(torch.tensor([12345678.]))
        yield return ["tensor([12345678.])", (Func<Tensor>)(() => F([12345678f]))];
        // repr(torch.tensor([1234567.]))
        yield return ["tensor([1234567.])", (Func<Tensor>)(() => F([1234567f]))];
        // repr(torch.tensor([100000000.]))
        yield return ["tensor([100000000.])", (Func<Tensor>)(() => F([100000000f]))];
        // repr(torch.tensor([1e8, 1.]))
        yield return ["tensor([1.0000e+08, 1.0000e+00])", (Func<Tensor>)(() => F([1e8f, 1]))];
        // repr(torch.tensor([0.001, 1000.]))
        yield return ["tensor([1.0000e-03, 1.0000e+03])", (Func<Tensor>)(() => F([0.001f, 1000]))];
        // repr(torch.tensor([0.0001, 1000.]))
        yield return ["tensor([1.0000e-04, 1.0000e+03])", (Func<Tensor>)(() => F([0.0001f, 1000]))];
        // repr(torch.tensor([0.0001, 1.]))
        yield return ["tensor([1.0000e-04, 1.0000e+00])", (Func<Tensor>)(() => F([0.0001f, 1]))];
        // repr(torch.tensor([0.0001]))
        yield return ["tensor([1.0000e-04])", (Func<Tensor>)(() => F([0.0001f]))];
        // repr(torch.tensor([0.5,-0.0,float('nan'),float('inf'),-float('inf')]))
        yield return ["tensor([0.5000, -0.0000,    nan,    inf,   -inf])", (Func<Tensor>)(() => F([0.5f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity]))];
        // repr(torch.tensor([float('nan')]))
        yield return ["tensor([nan])", (Func<Tensor>)(() => F([float.NaN]))];
        // repr(torch.tensor([float('nan'), 1.]))
        yield return ["tensor([nan, 1.])", (Func<Tensor>)(() => F([float.NaN, 1]))];
        // repr(torch.tensor([float('inf'), 1.5]))
        yield return ["tensor([   inf, 1.5000])", (Func<Tensor>)(() => F([float.PositiveInfinity, 1.5f]))];
        // repr(torch.tensor([float('inf'), 1e-5]))
        yield return ["tensor([       inf, 1.0000e-05])", (Func<Tensor>)(() => F([float.PositiveInfinity, 1e-5f]))];
        // repr(torch.tensor([100.,2000.]))
        yield return ["tensor([ 100., 2000.])", (Func<Tensor>)(() => F([100, 2000]))];
        // repr(torch.tensor([100.,-2000.]))
        yield return ["tensor([  100., -2000.])", (Func<Tensor>)(() => F([100, -2000]))];
        // repr(torch.tensor([1.5e-3,2.25]))
        yield return ["tensor([1.5000e-03, 2.2500e+00])", (Func<Tensor>)(() => F([1.5e-3f, 2.25f]))];
        // repr(torch.tensor([0.1,0.2,0.3]))
        yield return ["tensor([0.1000, 0.2000, 0.3000])", (Func<Tensor>)(() => F([0.1f, 0.2f, 0.3f]))];
        // repr(torch.tensor([1/3, 2/3]))
        yield return ["tensor([0.3333, 0.6667])", (Func<Tensor>)(() => F([1f / 3, 2f / 3]))];
        // repr(torch.tensor([1/3, 200/3]))
        yield return ["tensor([ 0.3333, 66.6667])", (Func<Tensor>)(() => F([1f / 3, 200f / 3]))];
        // repr(torch.tensor([-1/3, 2000/3]))
        yield return ["tensor([-3.3333e-01,  6.6667e+02])", (Func<Tensor>)(() => F([-1f / 3, 2000f / 3]))];
        // repr(torch.tensor([1.0, -1.0]))
        yield return ["tensor([ 1., -1.])", (Func<Tensor>)(() => F([1, -1]))];
        // repr(torch.tensor([0., 0.]))
        yield return ["tensor([0., 0.])", (Func<Tensor>)(() => F([0, 0]))];
        // repr(torch.tensor([-0.]))
        yield return ["tensor([-0.])", (Func<Tensor>)(() => F([-0f]))];
        // repr(torch.tensor([[1.,-2.],[3.,4.]]))
        yield return ["tensor([[ 1., -2.],\n        [ 3.,  4.]])", (Func<Tensor>)(() => F([1, -2, 3, 4], 2, 2))];
        // repr(torch.tensor([[1e-5,1.],[3.,4.]]))
        yield return ["tensor([[1.0000e-05, 1.0000e+00],\n        [3.0000e+00, 4.0000e+00]])", (Func<Tensor>)(() => F([1e-5f, 1, 3, 4], 2, 2))];
        // repr(torch.tensor([[1e-5,1.],[3.,4.]], requires_grad=True))
        yield return ["tensor([[1.0000e-05, 1.0000e+00],\n        [3.0000e+00, 4.0000e+00]], requires_grad=True)", (Func<Tensor>)(() => Tensor.FromArray([1e-5f, 1, 3, 4], [2, 2], requiresGrad: true))];
        // repr(torch.tensor([[1e-5,1.],[3.,4.]], dtype=torch.float64))
        yield return ["tensor([[1.0000e-05, 1.0000e+00],\n        [3.0000e+00, 4.0000e+00]], dtype=torch.float64)", (Func<Tensor>)(() => D([1e-5, 1, 3, 4], 2, 2))];
        // repr(torch.tensor([[True],[False]]))
        yield return ["tensor([[ True],\n        [False]])", (Func<Tensor>)(() => Tensor.FromArray([true, false], [2, 1]))];
        // repr(torch.randn(3))
        yield return ["tensor([ 1.5410, -0.2934, -2.1788])", (Func<Tensor>)(() => F([1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f]))];
        // repr(torch.randn(2,3))
        yield return ["tensor([[ 1.5410, -0.2934, -2.1788],\n        [ 0.5684, -1.0845, -1.3986]])", (Func<Tensor>)(() => F([1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f, 0.5684312582015991f, -1.0845223665237427f, -1.3985954523086548f, 0.40334683656692505f, 0.8380263447761536f, -0.7192575931549072f, -0.40334352850914f, -0.5966353416442871f, 0.18203648924827576f]).Narrow(0, 0, 6).View(2, 3))];
        // repr(torch.randn(2,3,dtype=torch.float64))
        yield return ["tensor([[ 1.5410, -0.2934, -2.1788],\n        [ 0.5684, -1.0845, -1.3986]], dtype=torch.float64)", (Func<Tensor>)(() => D([1.5409961082440433, -0.2934289057609464, -2.1787893820745574, 0.5684312772806678, -1.084522342424021, -1.3985953953708767], 2, 3))];
        // repr(torch.randn(3).double())
        yield return ["tensor([ 1.5410, -0.2934, -2.1788], dtype=torch.float64)", (Func<Tensor>)(() => F([1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f]).To(DType.Float64))];
        // repr(torch.rand(2,2)*1000)
        yield return ["tensor([[496.2566, 768.2218],\n        [ 88.4774, 132.0305]])", (Func<Tensor>)(() => F([496.2566f, 768.2218f, 88.4774f, 132.0305f], 2, 2))];
        // repr(torch.randn(12))
        yield return ["tensor([ 1.5410, -0.2934, -2.1788,  0.5684, -1.0845, -1.3986,  0.4033,  0.8380,\n        -0.7193, -0.4033, -0.5966,  0.1820])", (Func<Tensor>)(() => F([1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f, 0.5684312582015991f, -1.0845223665237427f, -1.3985954523086548f, 0.40334683656692505f, 0.8380263447761536f, -0.7192575931549072f, -0.40334352850914f, -0.5966353416442871f, 0.18203648924827576f]))];
        // repr(torch.arange(10.)/3)
        yield return ["tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333, 2.6667,\n        3.0000])", (Func<Tensor>)(() => Ar(10) / 3)];
        // repr(torch.arange(20.)/3)
        yield return ["tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333, 2.6667,\n        3.0000, 3.3333, 3.6667, 4.0000, 4.3333, 4.6667, 5.0000, 5.3333, 5.6667,\n        6.0000, 6.3333])", (Func<Tensor>)(() => Ar(20) / 3)];
        // repr(torch.arange(10)*1000000)
        yield return ["tensor([      0, 1000000, 2000000, 3000000, 4000000, 5000000, 6000000, 7000000,\n        8000000, 9000000])", (Func<Tensor>)(() => Tensor.Arange(10) * 1000000)];
        // print(repr(torch.arange(3.)+0.5))
        yield return ["tensor([0.5000, 1.5000, 2.5000])", (Func<Tensor>)(() => Ar(3) + 0.5)];
        // x=torch.ones(3,requires_grad=True); print(repr(x.detach()))
        yield return ["tensor([1., 1., 1.])", (Func<Tensor>)(() => Tensor.Ones([3], requiresGrad: true).Detach())];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string expected, Func<Tensor> make) => Assert.Equal(expected, make().ToString());

    [Fact]
    public void NonContiguousAndSuffixes()
    {
        // printing reads the logical order of a view
        Assert.Equal("tensor([[0., 3.],\n        [1., 4.],\n        [2., 5.]])", Ar(6).View(2, 3).T.ToString());
        Assert.Equal("tensor([[7., 7.],\n        [7., 7.]])", Tensor.Scalar(7).Expand(2, 2).ToString());
        // FACTS sec 5: a view made under no_grad of a leaf still prints requires_grad=True
        var x = Tensor.Ones([3], requiresGrad: true);
        Tensor y;
        using (Autograd.NoGrad()) y = x.Slice(0, 0, 2);
        Assert.Equal("tensor([1., 1.], requires_grad=True)", y.ToString());
        using (Autograd.NoGrad()) Assert.Equal("tensor([2., 2., 2.])", (x * 2).ToString());
        Assert.Equal("tensor([2., 2., 2.], grad_fn=<MulBackward0>)", (x * 2).ToString());
        Assert.Equal("tensor([3., 3., 3.], dtype=torch.float64, grad_fn=<AddBackward0>)", (Tensor.Ones([3], DType.Float64, requiresGrad: true) + 2).ToString());
        // a long suffix wraps onto its own line when the last line would pass 80 columns
        var wide = Tensor.FromArray(new double[] { 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5 }, requiresGrad: true);
        Assert.Equal("tensor([1.5000, 2.5000, 3.5000, 4.5000, 5.5000, 6.5000, 7.5000, 8.5000],\n       dtype=torch.float64, requires_grad=True)", wide.ToString());
        using (Autograd.InferenceMode()) Assert.Equal("tensor([1., 1., 1.])", Tensor.Ones([3]).ToString());
    }

    [Fact]
    public void DisposedTensorDoesNotThrowFromToString()
    {
        var t = Tensor.Ones([2]);
        t.Dispose();
        Assert.Equal("tensor(<disposed>)", t.ToString());
    }
}
