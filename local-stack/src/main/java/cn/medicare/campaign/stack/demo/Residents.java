package cn.medicare.campaign.stack.demo;

import cn.medicare.campaign.fixtures.IdNumbers;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Makes deterministic synthetic residents: the same seed, the same people. */
public final class Residents {

    private static final List<String> SURNAMES = List.of("林", "陈", "黄", "李", "张", "王", "吴", "罗", "邱", "江", "谢", "童");
    private static final List<String> GIVEN = List.of("建华", "秀英", "志强", "丽娟", "国平", "美玲", "文斌", "春花", "明辉", "桂兰", "永福", "海燕");
    private static final List<String> VILLAGES = List.of("城关村", "东街村", "西门村", "新华村", "上坪村", "下洋村");

    /** The villages residents are spread over, the same in every township. */
    public static List<String> villages() {
        return VILLAGES;
    }

    private final Random random;
    private final String birthRegion;
    private final Set<String> issued = new HashSet<>();

    /** @param birthRegion the 6-digit code the ID numbers carry */
    public Residents(long seed, String birthRegion) {
        this.random = new Random(seed);
        this.birthRegion = birthRegion;
    }

    /** A baby born on {@code born} in the township, registered in its parents' village. */
    public Resident newborn(String township, LocalDate born) {
        String idNumber;
        do {
            idNumber = IdNumbers.of(birthRegion, born, random.nextInt(1000));
        } while (!issued.add(idNumber));
        String name = SURNAMES.get(random.nextInt(SURNAMES.size())) + "小" + GIVEN.get(random.nextInt(GIVEN.size())).substring(1);
        return new Resident(idNumber, name, township, VILLAGES.get(random.nextInt(VILLAGES.size())), true);
    }

    public Resident next(String township) {
        String idNumber;
        do {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 75));
            idNumber = IdNumbers.of(birthRegion, birth, random.nextInt(1000));
        } while (!issued.add(idNumber));
        String name = SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()));
        return new Resident(idNumber, name, township, VILLAGES.get(random.nextInt(VILLAGES.size())), random.nextInt(10) < 9);
    }
}
